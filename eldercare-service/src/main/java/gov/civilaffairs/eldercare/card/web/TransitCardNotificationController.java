package gov.civilaffairs.eldercare.card.web;

import java.util.List;

import gov.civilaffairs.eldercare.card.Cards;
import gov.civilaffairs.eldercare.card.TransitCardNotification;
import gov.civilaffairs.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the transit-card system must still be told: cards to block or unblock (the daily file's lines). */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@Tag(name = "Transit-card notifications", description = "老年人免费乘车IC卡: blocks and unblocks not yet sent")
class TransitCardNotificationController {

  private final Cards cards;

  TransitCardNotificationController(Cards cards) {
    this.cards = cards;
  }

  @GetMapping("/transit-card-notifications")
  @Operation(summary = "Pending notifications for the transit-card system, oldest first",
      description = "Only cards of holders within the caller's area (filtered in SQL, issue 3). Keyset pagination: "
          + "pass the last id of a page as `afterId` to get the next.")
  List<TransitCardNotification> pending(Caller caller, @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return cards.pendingNotifications(caller.regionScope(), afterId, size);
  }
}
