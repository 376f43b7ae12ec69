package vn.haiphong.dx.migration;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.security.AppUser;

/**
 * The administrators' migration tool, as JSON: running instances per process and version, the plan of moving a
 * version's instances to the newest version (with what cannot be mapped), and the move itself as a batch.
 * Authenticated like every {@code /api} path; administrators only. The move takes a JSON body, which a form on
 * another site cannot send without the browser asking this server first (no cross-site request forgery).
 */
@RestController
@RequestMapping("/api/admin/migration")
class MigrationApi {

    private final InstanceMigration migration;

    MigrationApi(InstanceMigration migration) {
        this.migration = migration;
    }

    @GetMapping("/processes")
    List<MigrationViews.Process> processes(HttpServletRequest request) {
        requireAdministrator(request);
        return migration.processes();
    }

    @GetMapping("/processes/{key}/versions/{version}")
    MigrationViews.Plan plan(@PathVariable String key, @PathVariable int version, HttpServletRequest request) {
        requireAdministrator(request);
        return migration.plan(key, version);
    }

    @PostMapping(path = "/processes/{key}/versions/{version}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MigrationViews.Started migrate(@PathVariable String key, @PathVariable int version,
                                   @RequestBody(required = false) MigrationViews.Request options, HttpServletRequest request) {
        requireAdministrator(request);
        return migration.migrate(key, version, options != null && options.skipCustomListeners());
    }

    @GetMapping("/batches/{id}")
    MigrationViews.BatchProgress batch(@PathVariable String id, HttpServletRequest request) {
        requireAdministrator(request);
        return migration.batch(id);
    }

    private static void requireAdministrator(HttpServletRequest request) {
        if (!AppUser.of(request).isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ quản trị hệ thống được chuyển quy trình đang chạy sang phiên bản mới.");
        }
    }
}
