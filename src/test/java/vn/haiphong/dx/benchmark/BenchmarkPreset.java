package vn.haiphong.dx.benchmark;

/**
 * The scale of a benchmark run: agencies, each with the ten units of the Kẻ Sặt plan, reporting monthly for a
 * year; the open and historic tasks in the database when a unit's task list is queried.
 */
enum BenchmarkPreset {

    /** A few seconds: proves the benchmark runs (part of the test command). */
    SMOKE(1, 2_000, 20_000),
    /** A district-sized share of the city, for the vanilla ratio within minutes. */
    TOWN(30, 100_000, 1_000_000),
    /** Hải Phòng: its departments, wards and communes. */
    CITY(130, 100_000, 1_000_000),
    /** Every province's agencies. */
    NATIONAL(4_100, 100_000, 1_000_000);

    static final int UNITS_PER_AGENCY = 10;
    static final int MONTHS = 12;

    final int agencies;
    final int openTasks;
    final int historicTasks;

    BenchmarkPreset(int agencies, int openTasks, int historicTasks) {
        this.agencies = agencies;
        this.openTasks = openTasks;
        this.historicTasks = historicTasks;
    }

    int reportsPerMonth() {
        return agencies * UNITS_PER_AGENCY;
    }
}
