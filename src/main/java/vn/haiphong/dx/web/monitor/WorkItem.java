package vn.haiphong.dx.web.monitor;

/**
 * A piece of work waiting for someone, as the pages list it (leadership's decisions, a unit's deadlines).
 *
 * @param plan the plan it belongs to, when the list spans several; else null
 * @param href where to do it (its Tasklist task); null for work not yet open
 */
record WorkItem(String what, String plan, String due, boolean overdue, String href) {}
