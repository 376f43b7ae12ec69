-- A plan as issued, and as amended (kế hoạch điều chỉnh, bổ sung): every version of its content is kept in the
-- database. An issued version never changes; everything that runs reads it, never the file it came from.

create table dx_plan_version (
    plan_code            varchar(64)   not null references dx_plan (code),
    version_no           integer       not null,
    status               varchar(20)   not null,
    -- The plan file's text: while a draft, its latest revision; once issued, what was signed.
    content              text          not null,
    content_sha256       varchar(64)   not null,
    revision_no          integer       not null,
    document_number      varchar(64),
    issued_on            date,
    signer_name          varchar(200),
    signer_title         varchar(200),
    issued_by            varchar(64),
    issued_at            timestamp with time zone,
    -- The Camunda Forms generated from this version (one report form per unit), deployed at issuance.
    form_deployment_id   varchar(64),
    review_instance_id   varchar(64),
    created_by           varchar(64),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    primary key (plan_code, version_no),
    constraint ck_dx_plan_version_status check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'ISSUED', 'SUPERSEDED'))
);

-- Every text a draft had: the file it was brought in with, and each revision its Office saved.
create table dx_plan_revision (
    plan_code        varchar(64)   not null,
    version_no       integer       not null,
    revision_no      integer       not null,
    content          text          not null,
    content_sha256   varchar(64)   not null,
    source           varchar(300)  not null,
    created_by       varchar(64),
    created_at       timestamp with time zone not null,
    primary key (plan_code, version_no, revision_no),
    foreign key (plan_code, version_no) references dx_plan_version (plan_code, version_no)
);

-- The version in force (null until the plan is first issued).
alter table dx_plan add column version_in_force integer;

-- The review loop of each version, and which revision was submitted.
alter table dx_plan_review add column version_no integer default 1 not null;
alter table dx_plan_review add column revision_no integer;

-- The version a report was asked and evaluated with, and the version a consolidated report was compiled from.
alter table dx_report add column plan_version integer;
alter table dx_consolidated_report add column plan_version integer;

alter table dx_report drop constraint ck_dx_report_kind;
alter table dx_report add constraint ck_dx_report_kind check (period_kind in ('MONTH', 'QUARTER', 'HALF', 'YEAR', 'PEAK', 'FINAL'));
