package gov.civilaffairs.eldercare.card.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a caller may set when issuing a card: the number of the physical card handed out. */
record IssueCardRequest(
    @Schema(description = "Number printed on the card or encoded in its chip: 6 to 32 letters or digits",
        example = "ZJ0681202600001")
    @NotNull @Pattern(regexp = "[A-Z0-9]{6,32}", message = "must be 6 to 32 upper-case letters or digits")
    String cardNumber) {
}
