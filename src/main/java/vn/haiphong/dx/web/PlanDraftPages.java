package vn.haiphong.dx.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanFileException;
import vn.haiphong.dx.plan.PlanReader;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.Texts;

/**
 * The pages where an agency's Office (or an administrator) brings a plan in ({@code /plans/import}: upload a file or
 * paste its text) and revises a draft ({@code /plans/{code}/draft}: the draft's text to edit, its revisions, the
 * review loop and what it changes against the version in force). A refused file is shown with the line and field.
 */
@Controller
class PlanDraftPages {

    /** A plan file's problem as the page shows it. */
    record Problem(String message, String file, Integer line, String field) {}

    record VersionLine(int version, String kind, String status, int revision, String issued) {}

    record RevisionLine(int revision, String source, String by, String at) {}

    record ReviewLine(int version, int round, String revision, String action, String comments, String actor, String at) {}

    record DraftView(String code, String title, String agency, int version, String kind, String status, boolean editable,
                     String text, String changes, List<VersionLine> versions, List<RevisionLine> revisions,
                     List<ReviewLine> reviews) {}

    private final PlanReader reader;
    private final PlanService service;
    private final Plans plans;
    private final PlanAccess access;
    private final IdentityService identity;

    PlanDraftPages(PlanReader reader, PlanService service, Plans plans, PlanAccess access, IdentityService identity) {
        this.reader = reader;
        this.service = service;
        this.plans = plans;
        this.access = access;
        this.identity = identity;
    }

    @GetMapping("/plans/import")
    String importPage(HttpServletRequest request, Model model) {
        access.requireImportAny(AppUser.of(request));
        model.addAttribute("text", "");
        return "plans/import";
    }

    @PostMapping("/plans/import")
    String bringIn(@RequestParam(value = "file", required = false) MultipartFile file,
                   @RequestParam(value = "text", required = false) String text, HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        access.requireImportAny(user);
        boolean uploaded = file != null && !file.isEmpty();
        String name = uploaded ? file.getOriginalFilename() : "nội dung dán vào trang";
        try {
            byte[] bytes = uploaded ? file.getBytes() : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
            PlanService.Drafted drafted = PlanDraftsApi.bringIn(reader, service, access, identity, user, name, bytes);
            return "redirect:/plans/" + drafted.planCode() + "/draft?imported";
        } catch (PlanFileException e) {
            model.addAttribute("problem", new Problem(e.getMessage(), e.file(), e.line(), e.field()));
        } catch (InputRejectedException | org.springframework.web.server.ResponseStatusException e) {
            model.addAttribute("problem", new Problem(reason(e), name, null, null));
        } catch (java.io.IOException e) {
            model.addAttribute("problem", new Problem("Không đọc được tệp tải lên.", name, null, null));
        }
        model.addAttribute("text", uploaded ? "" : text);
        return "plans/import";
    }

    /** The structure of plan files, as the people who write them read it. */
    @GetMapping(value = "/plans/schema", produces = "text/markdown;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    String schema() throws java.io.IOException {
        try (var in = new org.springframework.core.io.ClassPathResource("plans/SCHEMA.md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping("/plans/{code}/draft")
    String draft(@PathVariable String code, @RequestParam(value = "imported", required = false) String imported,
                 @RequestParam(value = "saved", required = false) String saved, HttpServletRequest request, Model model) {
        PlanDefinition plan = plans.get(code);
        access.requireRead(AppUser.of(request), plan);
        model.addAttribute("draft", view(code, plan, AppUser.of(request), null));
        model.addAttribute("notice", imported != null ? "Kế hoạch đã được đưa vào hệ thống dưới dạng dự thảo; công việc «Hoàn thiện, trình "
                + "dự thảo kế hoạch» đã đến đơn vị đầu mối trong Tasklist." : saved != null ? "Đã lưu bản sửa của dự thảo." : null);
        return "plans/draft";
    }

    @PostMapping("/plans/{code}/draft")
    String revise(@PathVariable String code, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "text", required = false) String text, HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        boolean uploaded = file != null && !file.isEmpty();
        String name = uploaded ? file.getOriginalFilename() : "nội dung sửa trên trang";
        try {
            byte[] bytes = uploaded ? file.getBytes() : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
            PlanDraftsApi.revise(reader, service, plans, access, identity, user, code, name, bytes);
            return "redirect:/plans/" + code + "/draft?saved";
        } catch (PlanFileException e) {
            model.addAttribute("problem", new Problem(e.getMessage(), e.file(), e.line(), e.field()));
        } catch (InputRejectedException e) {
            model.addAttribute("problem", new Problem(reason(e), name, null, null));
        } catch (java.io.IOException e) {
            model.addAttribute("problem", new Problem("Không đọc được tệp tải lên.", name, null, null));
        }
        model.addAttribute("draft", view(code, plans.get(code), user, uploaded ? null : text));
        return "plans/draft";
    }

    private DraftView view(String code, PlanDefinition plan, AppUser user, String typed) {
        List<PlanRepository.VersionRow> versions = service.versions(code);
        PlanRepository.VersionRow newest = versions.get(versions.size() - 1);
        boolean draft = newest.status() == PlanRepository.Status.DRAFT || newest.status() == PlanRepository.Status.RETURNED;
        boolean editable = access.mayDraft(user, plan.agency().code())
                && (draft || newest.status() == PlanRepository.Status.ISSUED);
        String text = typed != null ? typed : newest.content();
        return new DraftView(code, plan.title(), plan.agency().name(), newest.version(), kind(newest.version()), status(newest.status()),
                editable, text, newest.version() > 1 && newest.status() != PlanRepository.Status.ISSUED ? service.changes(code, newest.version()) : null,
                versions.stream().map(v -> new VersionLine(v.version(), kind(v.version()), status(v.status()), v.revision(),
                        v.documentNumber() == null ? "—" : v.documentNumber() + " ngày " + Texts.DATE.format(v.issuedOn()))).toList(),
                service.revisions(code, newest.version()).stream().map(r -> new RevisionLine(r.revision(), r.source(),
                        r.createdBy() == null ? "hệ thống" : r.createdBy(), Texts.DATE_TIME.format(r.createdAt().atZoneSameInstant(PlanService.ZONE)))).toList(),
                service.reviews(code).stream().map(r -> new ReviewLine(r.version(), r.round(), r.revision() == null ? "—" : "lần " + r.revision(),
                        switch (r.action()) {
                            case "SUBMITTED" -> "Trình";
                            case "RETURNED" -> "Trả lại";
                            default -> "Phê duyệt";
                        }, r.comments(), r.actor(), Texts.DATE_TIME.format(r.actedAt().atZoneSameInstant(PlanService.ZONE)))).toList());
    }

    private static String kind(int version) {
        return version == 1 ? "Kế hoạch" : "Kế hoạch điều chỉnh lần " + (version - 1);
    }

    static String status(PlanRepository.Status status) {
        return switch (status) {
            case DRAFT -> "Dự thảo";
            case SUBMITTED -> "Chờ lãnh đạo phê duyệt";
            case RETURNED -> "Trả lại để chỉnh sửa";
            case APPROVED -> "Đã phê duyệt, chờ ban hành";
            case ISSUED -> "Đang có hiệu lực";
            case SUPERSEDED -> "Đã được thay thế bởi bản điều chỉnh";
        };
    }

    private static String reason(RuntimeException e) {
        return e instanceof org.springframework.web.server.ResponseStatusException status ? status.getReason() : e.getMessage();
    }
}
