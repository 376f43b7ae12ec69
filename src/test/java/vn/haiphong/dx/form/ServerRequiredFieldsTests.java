package vn.haiphong.dx.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** What the server needs of each shipped form, derived from the forms themselves. */
class ServerRequiredFieldsTests {

    private final ServerRequiredFields required = ServerRequiredFields.shipped();

    @Test
    void theFieldsAFormMarksRequiredAndThoseOneAnswerNeeds() {
        assertThat(required.of("recordPlanIssuance")).containsExactlyInAnyOrder("documentNumber", "issuedOn", "signerName", "signerTitle");
        assertThat(required.of("reviewPlanDraft")).containsExactlyInAnyOrder("reviewDecision", "reviewComments");
        assertThat(required.of("handleDifficulty")).contains("officeDecision", "officeAnswer", "informationRequest", "officeAdvice");
        assertThat(required.of("acknowledgePlan")).as("read-only fields are the server's to fill").doesNotContain("assignmentSummary");
        assertThat(required.of("aFormOfOnePlan")).isEmpty();
    }

    @Test
    void everyFieldOnlySomeAnswersNeedIsOnItsShippedForm() throws IOException {
        for (var entry : ServerRequiredFields.FOR_SOME_ANSWERS.entrySet()) {
            try (InputStream in = getClass().getResourceAsStream("/" + entry.getKey() + ".form")) {
                assertThat(in).as("form %s", entry.getKey()).isNotNull();
                assertThat(FormSchema.parse(in).keys()).as("fields of %s", entry.getKey()).containsAll(entry.getValue());
            }
        }
    }
}
