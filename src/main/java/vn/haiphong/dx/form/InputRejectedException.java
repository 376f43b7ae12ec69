package vn.haiphong.dx.form;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * Input a person submitted that the server refuses, with a message a civil servant understands.
 *
 * <p>Extends the engine's form validation exception on purpose: it is the one exception the REST API
 * (and Tasklist through it) answers with HTTP 400 instead of 500 when a task is completed or a form
 * submitted. Throwing it inside the completing transaction rolls back everything, so nothing is
 * half-written.
 */
public class InputRejectedException extends FormFieldValidationException implements UserRefusal {

    private final List<String> problems;

    public InputRejectedException(List<String> problems) {
        super(null, "Dữ liệu chưa hợp lệ, chưa lưu gì: " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    public InputRejectedException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
