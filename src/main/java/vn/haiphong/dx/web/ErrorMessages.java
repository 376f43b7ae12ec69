package vn.haiphong.dx.web;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Refusals of the project's views carry their Vietnamese reason; nothing else of the server leaks out. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ErrorMessages {

    /** A plan file that cannot be used: the file, the line, the field and the problem. */
    @ExceptionHandler(vn.haiphong.dx.plan.PlanFileException.class)
    ResponseEntity<Map<String, Object>> badPlanFile(vn.haiphong.dx.plan.PlanFileException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", 400);
        body.put("message", e.getMessage());
        body.put("file", e.file());
        body.put("line", e.line());
        body.put("field", e.field());
        body.put("problem", e.problem());
        return ResponseEntity.badRequest().body(body);
    }

    /** Input the server refuses, in the person's words. */
    @ExceptionHandler(vn.haiphong.dx.form.InputRejectedException.class)
    ResponseEntity<Map<String, Object>> refusedInput(vn.haiphong.dx.form.InputRejectedException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", e.getMessage()));
    }

    /** A plan code nobody knows. */
    @ExceptionHandler(vn.haiphong.dx.plan.Plans.NoSuchPlanException.class)
    ResponseEntity<Map<String, Object>> unknownPlan(vn.haiphong.dx.plan.Plans.NoSuchPlanException e) {
        return ResponseEntity.status(404).body(Map.of("status", 404, "message", e.getMessage()));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode())
                .body(Map.of("status", e.getStatusCode().value(), "message", String.valueOf(e.getReason())));
    }
}
