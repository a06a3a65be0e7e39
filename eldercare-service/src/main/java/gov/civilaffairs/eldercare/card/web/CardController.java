package gov.civilaffairs.eldercare.card.web;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.eldercare.card.CardKind;
import gov.civilaffairs.eldercare.card.Cards;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cards of an elderly person: 老年证 and 老年人免费乘车IC卡. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@RequestMapping("/elderly-persons/{nationalIdNumber}")
@Tag(name = "Cards", description = "老年证 and 老年人免费乘车IC卡 of an elderly person")
class CardController {

  private final ElderlyPersons persons;
  private final Cards cards;

  CardController(ElderlyPersons persons, Cards cards) {
    this.persons = persons;
    this.cards = cards;
  }

  @PostMapping("/elderly-card")
  @Operation(summary = "Issue the elderly card (老年证)",
      description = "404 for an unknown person or one outside the caller's area; 422 `person-deceased`; 409 `card-already-issued` or `duplicate` "
          + "(card number in use).")
  @Audited(action = AuditAction.CREATE, objectType = "elderly-card", person = "#nationalIdNumber")
  ResponseEntity<CardResponse> issueElderlyCard(
      @Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      @Valid @RequestBody IssueCardRequest request, Caller caller) {
    return issue(nationalIdNumber, CardKind.ELDERLY_CARD, request, caller);
  }

  @PostMapping("/transit-card")
  @Operation(summary = "Issue the free-transit card (老年人免费乘车IC卡)",
      description = "422 `under-transit-card-age` under the city's age (eldercare.transit-card.minimum-age, "
          + "default 70); otherwise as the elderly card.")
  @Audited(action = AuditAction.CREATE, objectType = "transit-card", person = "#nationalIdNumber")
  ResponseEntity<CardResponse> issueTransitCard(
      @Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      @Valid @RequestBody IssueCardRequest request, Caller caller) {
    return issue(nationalIdNumber, CardKind.TRANSIT_CARD, request, caller);
  }

  /** What a caller sets to replace a card: the new card's number and why. */
  record ReplaceCardRequest(
      @Schema(example = "ZJ0681202600077")
      @NotNull
      @Pattern(regexp = "[A-Z0-9]{6,32}", message = "must be 6 to 32 upper-case letters or digits")
      String cardNumber,
      @Schema(example = "LOST") @NotNull
      Cards.ReplacementReason reason) {
  }

  @PostMapping("/{kind}/replacement")
  @Operation(summary = "Replace a lost or damaged card (补办) by a new number",
      description = "kind is `elderly-card` or `transit-card`. The old number stops being valid (a transit card's old "
          + "number is listed BLOCKED in the daily file). 404 `no-card` or for a person outside the caller's area; 409 "
          + "`card-not-issued` (revoked), `duplicate` (number in use); 422 `same-number`.")
  @Audited(action = AuditAction.UPDATE, objectType = "card", person = "#nationalIdNumber")
  CardResponse replace(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      @Parameter(example = "elderly-card") @PathVariable String kind, Caller caller,
      @Valid @RequestBody ReplaceCardRequest request) {
    CardKind cardKind = switch (kind) {
      case "elderly-card" -> CardKind.ELDERLY_CARD;
      case "transit-card" -> CardKind.TRANSIT_CARD;
      default -> throw ProblemException.notFound("Card kind", kind);
    };
    return CardResponse.of(cards.replace(persons.require(nationalIdNumber, caller.regionScope()), cardKind,
        request.cardNumber(), request.reason()));
  }

  @GetMapping("/cards")
  @Operation(summary = "The person's cards, with their status and what revoked them",
      description = "404 for a person not registered or outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "card", person = "#nationalIdNumber")
  List<CardResponse> cards(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller) {
    return cards.of(persons.require(nationalIdNumber, caller.regionScope())).stream().map(CardResponse::of).toList();
  }

  private ResponseEntity<CardResponse> issue(String nationalIdNumber, CardKind kind, IssueCardRequest request,
      Caller caller) {
    var card = cards.issue(persons.require(nationalIdNumber, caller.regionScope()), kind, request.cardNumber());
    return ResponseEntity.created(URI.create("/elderly-persons/" + nationalIdNumber + "/cards"))
        .body(CardResponse.of(card));
  }
}
