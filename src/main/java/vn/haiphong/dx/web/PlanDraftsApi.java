package vn.haiphong.dx.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.haiphong.dx.plan.PlanReader;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * Bringing plans in and revising them without a restart, as JSON: {@code POST /api/plans} with a plan file (YAML) as
 * the body, {@code PUT /api/plans/{code}/draft} with a new text of its draft (or the draft of an amendment of an
 * issued plan), and the versions of a plan. The file name may be given in {@code X-File-Name} (for messages).
 */
@RestController
class PlanDraftsApi {

    record Drafted(String planCode, int version, int revision, boolean amendment, String draftPage) {}

    record Version(int version, String status, int revision, String documentNumber, String issuedOn) {}

    private final PlanReader reader;
    private final PlanService service;
    private final Plans plans;
    private final PlanAccess access;
    private final IdentityService identity;

    PlanDraftsApi(PlanReader reader, PlanService service, Plans plans, PlanAccess access, IdentityService identity) {
        this.reader = reader;
        this.service = service;
        this.plans = plans;
        this.access = access;
        this.identity = identity;
    }

    @PostMapping(value = "/api/plans", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    ResponseEntity<Drafted> bringIn(@RequestBody byte[] file, @RequestHeader(value = "X-File-Name", required = false) String name,
                                    HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        PlanService.Drafted drafted = bringIn(reader, service, access, identity, user, name(name), file);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(drafted));
    }

    @PutMapping(value = "/api/plans/{code}/draft", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    Drafted revise(@PathVariable String code, @RequestBody byte[] file,
                   @RequestHeader(value = "X-File-Name", required = false) String name, HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        return view(revise(reader, service, plans, access, identity, user, code, name(name), file));
    }

    @GetMapping("/api/plans/{code}/versions")
    List<Version> versions(@PathVariable String code, HttpServletRequest request) {
        access.requireRead(AppUser.of(request), plans.get(code));
        return service.versions(code).stream().map(v -> new Version(v.version(), v.status().name(), v.revision(), v.documentNumber(),
                v.issuedOn() == null ? null : v.issuedOn().toString())).toList();
    }

    @GetMapping(value = "/api/plans/{code}/versions/{version}/file", produces = "text/yaml;charset=UTF-8")
    String file(@PathVariable String code, @PathVariable int version, HttpServletRequest request) {
        access.requireRead(AppUser.of(request), plans.get(code));
        return service.version(code, version).content();
    }

    /** Brings a new plan in, as its Office or an administrator; the engine work runs as the system. */
    static PlanService.Drafted bringIn(PlanReader reader, PlanService service, PlanAccess access, IdentityService identity,
                                       AppUser user, String name, byte[] file) {
        access.requireImportAny(user);
        PlanReader.Read read = reader.read(name, file);
        access.requireDraft(user, read.plan().agency().code());
        return ProcessContext.asEngine(identity, () -> service.register(read, name + " (tải lên bởi " + user.id() + ")", user.id()));
    }

    static PlanService.Drafted revise(PlanReader reader, PlanService service, Plans plans, PlanAccess access, IdentityService identity,
                                      AppUser user, String code, String name, byte[] file) {
        access.requireDraft(user, plans.get(code).agency().code());
        PlanReader.Read read = reader.read(name, file);
        return ProcessContext.asEngine(identity, () -> service.revise(code, read, name + " (sửa bởi " + user.id() + ")", user.id()));
    }

    private static String name(String header) {
        return header == null || header.isBlank() ? "tệp tải lên" : new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static Drafted view(PlanService.Drafted drafted) {
        return new Drafted(drafted.planCode(), drafted.version(), drafted.revision(), drafted.amendment(),
                "/plans/" + drafted.planCode() + "/draft");
    }
}
