-- Issue 22: a plan always reaches its end.

-- The working calendar: Vietnam's public holidays and the government's announced days off (day_off = true), and the
-- weekend days announced as working days in exchange (day_off = false). Saturdays and Sundays are days off unless
-- listed here as working. Administrators add each year's days when the government announces them
-- (/admin/holidays, /api/admin/holidays).
create table dx_calendar_day (
    calendar_date  date        not null primary key,
    day_off     boolean       not null,
    name        varchar(200)  not null,
    created_by  varchar(64),
    created_at  timestamp with time zone
);

-- 2025 (announced): Tết Dương lịch; Tết Ất Tỵ 25/01–02/02; Giỗ Tổ 07/04; 30/4–1/5 with 02/05 exchanged for Saturday 26/04;
-- Quốc khánh 01–02/09.
insert into dx_calendar_day (calendar_date, day_off, name) values
    (date '2025-01-01', true, 'Tết Dương lịch'),
    (date '2025-01-27', true, 'Tết Nguyên đán Ất Tỵ'), (date '2025-01-28', true, 'Tết Nguyên đán Ất Tỵ'),
    (date '2025-01-29', true, 'Tết Nguyên đán Ất Tỵ'), (date '2025-01-30', true, 'Tết Nguyên đán Ất Tỵ'),
    (date '2025-01-31', true, 'Tết Nguyên đán Ất Tỵ'),
    (date '2025-04-07', true, 'Giỗ Tổ Hùng Vương'),
    (date '2025-04-26', false, 'Làm bù cho ngày 02/05/2025'),
    (date '2025-04-30', true, 'Ngày Chiến thắng'), (date '2025-05-01', true, 'Ngày Quốc tế Lao động'),
    (date '2025-05-02', true, 'Nghỉ bù (hoán đổi với thứ Bảy 26/04/2025)'),
    (date '2025-09-01', true, 'Quốc khánh'), (date '2025-09-02', true, 'Quốc khánh');

-- 2026 (announced): Tết Dương lịch; Tết Bính Ngọ 14/02–22/02; Giỗ Tổ on Sunday 26/04, off on Monday 27/04;
-- 30/4–1/5; Quốc khánh 01–02/09.
insert into dx_calendar_day (calendar_date, day_off, name) values
    (date '2026-01-01', true, 'Tết Dương lịch'),
    (date '2026-02-16', true, 'Tết Nguyên đán Bính Ngọ'), (date '2026-02-17', true, 'Tết Nguyên đán Bính Ngọ'),
    (date '2026-02-18', true, 'Tết Nguyên đán Bính Ngọ'), (date '2026-02-19', true, 'Tết Nguyên đán Bính Ngọ'),
    (date '2026-02-20', true, 'Tết Nguyên đán Bính Ngọ'),
    (date '2026-04-27', true, 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 là Chủ nhật)'),
    (date '2026-04-30', true, 'Ngày Chiến thắng'), (date '2026-05-01', true, 'Ngày Quốc tế Lao động'),
    (date '2026-09-01', true, 'Quốc khánh'), (date '2026-09-02', true, 'Quốc khánh');

-- 2027: the days the Labour Code fixes; Tết Đinh Mùi (mùng 1 on 06/02/2027) as the Code's five days until the
-- government announces the break.
insert into dx_calendar_day (calendar_date, day_off, name) values
    (date '2027-01-01', true, 'Tết Dương lịch'),
    (date '2027-02-05', true, 'Tết Nguyên đán Đinh Mùi'), (date '2027-02-08', true, 'Tết Nguyên đán Đinh Mùi'),
    (date '2027-02-09', true, 'Tết Nguyên đán Đinh Mùi'), (date '2027-02-10', true, 'Tết Nguyên đán Đinh Mùi (nghỉ bù)'),
    (date '2027-04-16', true, 'Giỗ Tổ Hùng Vương'),
    (date '2027-04-30', true, 'Ngày Chiến thắng'), (date '2027-05-03', true, 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2027 là thứ Bảy)'),
    (date '2027-09-02', true, 'Quốc khánh'), (date '2027-09-03', true, 'Quốc khánh');

-- Units released from a plan (merged, dissolved, listed by mistake): their open work is withdrawn and their part
-- counts as closed; or their open work handed to another unit of the plan. History is kept.
alter table dx_plan_unit add column released_at timestamp with time zone;
alter table dx_plan_unit add column released_by varchar(64);
alter table dx_plan_unit add column release_reason varchar(2000);
alter table dx_plan_unit add column handed_to varchar(32);
alter table dx_plan add column released_count integer not null default 0;

-- Reports returned for correction: every submission is kept (revision_no); the one that counts is SUBMITTED, a
-- returned one is RETURNED until its correction REPLACEs it.
alter table dx_report add column revision_no integer default 1 not null;
alter table dx_report add column state varchar(16) default 'SUBMITTED' not null;
alter table dx_report add column returned_reason varchar(2000);
alter table dx_report add column returned_by varchar(64);
alter table dx_report add column returned_at timestamp with time zone;
alter table dx_report drop constraint ux_dx_report;
alter table dx_report add constraint ux_dx_report unique (plan_code, unit_code, period_code, revision_no);
alter table dx_report add constraint ck_dx_report_state check (state in ('SUBMITTED', 'RETURNED', 'REPLACED'));

-- A unit's progress on each plan task it leads or coordinates, given with each report.
create table dx_task_progress (
    report_id   bigint        not null references dx_report (id),
    task_code   varchar(32)   not null,
    status      varchar(16)   not null,
    note        varchar(500),
    primary key (report_id, task_code),
    constraint ck_dx_task_progress_status check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DELAYED'))
);

-- Evidence a unit attaches to its report of a period (files; links stay in the report itself).
create table dx_report_evidence (
    id            bigint generated by default as identity primary key,
    plan_code     varchar(64)   not null,
    unit_code     varchar(32)   not null,
    period_code   varchar(32)   not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    size_bytes    integer       not null,
    content       bytea         not null,
    uploaded_by   varchar(64),
    uploaded_at   timestamp with time zone not null,
    foreign key (plan_code, unit_code) references dx_plan_unit (plan_code, unit_code)
);
create index ix_dx_report_evidence on dx_report_evidence (plan_code, unit_code, period_code);
