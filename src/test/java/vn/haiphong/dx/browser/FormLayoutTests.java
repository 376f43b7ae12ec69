package vn.haiphong.dx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ParallelGatewayBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every Camunda Form of the project, as Tasklist shows it on a phone (390 px wide) and on a laptop: a test-only
 * process deploys each file of {@code forms/} as one user task of a demo user, and the browser opens each task.
 * A form that makes the page scroll sideways, pushes a field or its label out of the screen, or squeezes an
 * input below a usable width fails; a new form is checked as soon as its file exists. Screenshots:
 * {@code target/screenshots/form-390-*.png} and {@code form-1280-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-browser;DB_CLOSE_DELAY=-1",
        "app.calendar.mode=compressed", "app.calendar.seconds-per-day=2"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormLayoutTests {

    private static final Path FORMS = Path.of("forms");
    private static final String GALLERY = "FormGalleryTestProcess";
    private static final String USER = "kesat.vhxh";

    /** What a form must look like, measured in the page: all numbers in CSS pixels. */
    private static final String MEASURE = """
            const width = document.documentElement.clientWidth;
            const form = document.querySelector('.fjs-form');
            const problems = [];
            if (document.documentElement.scrollWidth > width + 1) {
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
            }
            const formBox = form.getBoundingClientRect();
            for (const field of form.querySelectorAll('.fjs-form-field')) {
              const box = field.getBoundingClientRect();
              if (box.width === 0) continue;
              const name = (field.querySelector('label') || field).innerText.trim().split('\\n')[0].slice(0, 60);
              if (box.left < -1 || box.right > width + 1) {
                problems.push('«' + name + '» outside the screen: ' + Math.round(box.left) + '..' + Math.round(box.right));
              }
              for (const label of field.querySelectorAll('label, .fjs-form-field-description, .fjs-form-field-text')) {
                if (label.scrollWidth > label.clientWidth + 1) {
                  problems.push('«' + name + '» has text cut off: ' + label.scrollWidth + ' > ' + label.clientWidth
                      + ' (' + label.className + ', white-space: ' + getComputedStyle(label).whiteSpace + ')');
                }
              }
              for (const input of field.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea, select')) {
                const inputBox = input.getBoundingClientRect();
                if (input.type === 'hidden' || inputBox.width === 0) continue;
                if (inputBox.width < Math.min(240, formBox.width * 0.8)) {
                  problems.push('«' + name + '» input too narrow: ' + Math.round(inputBox.width) + ' px of ' + Math.round(formBox.width));
                }
              }
            }
            return {problems, width, formWidth: Math.round(formBox.width), fields: form.querySelectorAll('.fjs-form-field').length};
            """;

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    private String deployment;
    private ProcessInstance gallery;
    private final List<Browser> browsers = new ArrayList<>();

    static Stream<String> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".form"))
                    .map(name -> name.substring(0, name.length() - ".form".length())).sorted().toList().stream();
        }
    }

    /** One user task per form, all in parallel, assigned to one demo user; the forms deployed alongside. */
    @BeforeAll
    void deployGallery() throws IOException {
        List<String> keys = forms().toList();
        ParallelGatewayBuilder fork = Bpmn.createExecutableProcess(GALLERY).camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("Gateway_Forms");
        for (String key : keys) {
            fork.userTask("Task_" + key).name(key).camundaAssignee(USER).camundaFormRef(key)
                    .camundaFormRefBinding("deployment").endEvent("End_" + key);
        }
        BpmnModelInstance model = fork.done();
        DeploymentBuilder builder = repository.createDeployment().name("Form gallery (test)")
                .addModelInstance(GALLERY + ".bpmn", model);
        for (String key : keys) {
            builder.addInputStream(key + ".form", Files.newInputStream(FORMS.resolve(key + ".form")));
        }
        deployment = builder.deploy().getId();
        gallery = runtime.startProcessInstanceByKey(GALLERY);
        for (int width : new int[] {390, 1280}) {
            Browser browser = new Browser(port, "form-" + width, width, 844);
            browsers.add(browser);
            browser.login(USER, "demo");
        }
    }

    @AfterAll
    void removeGallery() {
        browsers.forEach(Browser::close);
        repository.deleteDeployment(deployment, true);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyFormFitsAPhoneAndALaptop(String form) throws Exception {
        Task task = tasks.createTaskQuery().processInstanceId(gallery.getId()).taskDefinitionKey("Task_" + form).singleResult();
        List<String> problems = new ArrayList<>();
        for (Browser browser : browsers) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.waitForForm(form);
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) browser.script(MEASURE);
            browser.script("document.querySelector('.task-details').scrollIntoView()");
            browser.shot(form);
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) measured.get("problems");
            found.forEach(problem -> problems.add(browser + ": " + problem));
            assertThat(((Number) measured.get("fields")).intValue()).as("fields of %s", form).isPositive();
        }
        assertThat(problems).as("layout of %s", form).isEmpty();
    }

    /**
     * The browser speaks English (see {@link Browser}); a date field still reads and shows dd/mm/yyyy, its calendar
     * is Vietnamese with weeks from Monday, and the footer names Hải Phòng's time zone, in which the dates are shown.
     */
    @Test
    void aDateFieldReadsDayMonthYearWithAVietnameseCalendar() throws IOException {
        Task task = tasks.createTaskQuery().processInstanceId(gallery.getId()).taskDefinitionKey("Task_urgeLateUnits").singleResult();
        // 17:30 UTC is half past midnight the next day in Hải Phòng.
        task.setDueDate(Date.from(Instant.parse("2026-12-25T17:30:00Z")));
        tasks.saveTask(task);
        Browser browser = browsers.get(1);
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.waitForForm("urgeLateUnits");
        assertThat(browser.script("return navigator.language")).as("the browser's own language").isEqualTo("en-US");
        // The extension shows once the Office chooses to urge.
        browser.choose("Đôn đốc các đơn vị đã chọn");
        browser.type("extendDueTo", "25/12/2026");
        browser.script("document.activeElement.blur()");
        assertThat(browser.value("extendDueTo")).isEqualTo("25/12/2026");
        browser.script("document.querySelector('[id*=Field_extendDueTo]').closest('.fjs-form-field').querySelector('.fjs-input-adornment').click()");
        String calendar = (String) browser.script("return document.querySelector('.flatpickr-calendar.open').innerText");
        assertThat(calendar).contains("T2", "CN").doesNotContain("Mon", "Sun");
        assertThat((String) browser.script("return document.querySelector('.flatpickr-calendar.open .flatpickr-current-month').textContent"))
                .contains("Tháng 12");
        assertThat((String) browser.script("return Array.from(document.querySelectorAll('[uib-tooltip]'))"
                        + ".map(e => e.getAttribute('uib-tooltip')).join(' | ')"))
                .as("the due date, in Hải Phòng's time").contains("00:30, Thứ bảy, ngày 26 tháng 12 năm 2026");
        assertThat(browser.text()).as("the footer names the zone").containsAnyOf("Asia/Ho_Chi_Minh", "Asia/Saigon");
        browser.shot("urgeLateUnits-date");
    }
}
