package dev.gapwise.routing.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests are judged by their instruction: what is pasted for the task to work on is kept apart. */
class RequestTextTest {

    @Test
    void aColonAfterATaskStartsThePastedText() {
        RequestText text = RequestText.of("Fix the grammar: their going to the office tomorow and they bring lunch");
        assertThat(text.instruction()).isEqualTo("Fix the grammar:");
        assertThat(text.pasted()).startsWith("their going");
    }

    @Test
    void anInvoiceToExtractFromIsPasted() {
        RequestText text = RequestText.of("Extract the date and amount from: Invoice #4411, dated 2024-03-02, "
                + "total $1,240.00 for legal services");
        assertThat(text.instruction()).isEqualTo("Extract the date and amount from:");
        assertThat(text.pasted()).contains("legal services");
    }

    @Test
    void aShortFirstParagraphNamingATaskIsTheInstruction() {
        RequestText text = RequestText.of("Summarize the following post\n\nTitle: My landlord kept my deposit\n\n"
                + "Post: I moved out in May and he says the carpet was damaged, but it was like that when I moved in.");
        assertThat(text.instruction()).isEqualTo("Summarize the following post");
        assertThat(text.pasted()).startsWith("Title: My landlord");
    }

    @Test
    void aTaskParagraphAfterThePastedTextIsTheInstruction() {
        RequestText text = RequestText.of("Dear patients, the clinic is closed on Thursday for staff training. "
                + "Please call 555-0100 for urgent matters.\n\nCan you fix the typos in this?");
        assertThat(text.instruction()).isEqualTo("Can you fix the typos in this?");
        assertThat(text.pasted()).startsWith("Dear patients");
    }

    @Test
    void aFencedBlockIsPasted() {
        RequestText text = RequestText.of("Add comments to this:\n```\nint dose(int kg) { return kg * 15; }\n```");
        assertThat(text.pasted()).contains("int dose");
        assertThat(text.instruction()).isEqualTo("Add comments to this:");
    }

    /** A question about one's own situation names no task on text: its story is the question, nothing is pasted. */
    @Test
    void aPersonalStoryAfterAQuestionIsNotPasted() {
        String post = "401k provider lost my funds. What do I do?\n\nI rolled over my old 401k in March and the new "
                + "provider says they never received the check, but my old employer says it was cashed.";
        RequestText text = RequestText.of(post);
        assertThat(text.hasPasted()).isFalse();
        assertThat(text.instruction()).isEqualTo(post);
    }

    @Test
    void aTimeIsNotATaskColon() {
        assertThat(RequestText.of("Write the schedule: meeting at 10:30 with the lawyer, lunch at 12:00").instruction())
                .isEqualTo("Write the schedule:");
        assertThat(RequestText.of("is 10:30 too late to take my evening dose of metformin?").hasPasted()).isFalse();
    }

    @Test
    void earlierTurnsAreContextKeepingTheirMostRecentPart() {
        RequestText text = RequestText.of("ok so how much should i take", "x".repeat(5000) + " my back hurts");
        assertThat(text.context()).hasSize(RequestText.MAX_CONTEXT).endsWith("my back hurts");
        assertThat(text.instruction()).isEqualTo("ok so how much should i take");
    }
}
