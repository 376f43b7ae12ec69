package vn.haiphong.dx.web.monitor;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.security.AppUser;

/** The layout's menu: each person the pages they may open. */
@Component
public class Navigation {

    public record Link(String label, String href) {}

    private final PlanMonitor monitor;

    Navigation(PlanMonitor monitor) {
        this.monitor = monitor;
    }

    public List<Link> links(AppUser user) {
        List<Link> links = new ArrayList<>();
        if (monitor.monitorsAny(user)) {
            links.add(new Link(monitor.leadsAny(user) ? "Tổng hợp của lãnh đạo" : "Tổng hợp", "/monitor/leadership"));
            links.add(new Link("Theo dõi kế hoạch", "/monitor/plans"));
        }
        if (!monitor.memberships(user).isEmpty()) {
            links.add(new Link("Đơn vị của tôi", "/monitor/unit"));
        }
        links.add(new Link("Công việc (Tasklist)", "/camunda/app/tasklist/"));
        return links;
    }
}
