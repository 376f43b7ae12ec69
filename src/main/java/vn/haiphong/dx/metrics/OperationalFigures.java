package vn.haiphong.dx.metrics;

import java.util.Map;

import vn.haiphong.dx.escalation.DifficultyProcess;

/**
 * What operators watch, read at one moment.
 *
 * @param executableJobs jobs due to run now: the job executor's backlog
 * @param failedJobs jobs whose last run failed (retrying, or out of retries with an incident)
 * @param openIncidents open incidents, each failure once (not again on every calling process)
 * @param openTasks open tasks by the key of their process definition
 * @param overdueReports open periodic report tasks past their due date
 * @param overdueAcknowledgements open acknowledgement tasks past their due date (those that have one)
 * @param openDifficulties difficulties not yet confirmed solved, by stage
 * @param dispatchesRetrying consolidated reports whose dispatch failed and will be tried again
 * @param dispatchIncidents consolidated reports whose dispatch failed every try: an incident in Cockpit
 */
record OperationalFigures(long executableJobs, long failedJobs, long openIncidents, Map<String, Long> openTasks,
                          long overdueReports, long overdueAcknowledgements, Map<DifficultyProcess.Status, Long> openDifficulties,
                          long dispatchesRetrying, long dispatchIncidents) {
}
