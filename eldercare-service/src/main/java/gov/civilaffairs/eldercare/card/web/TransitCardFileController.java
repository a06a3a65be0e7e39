package gov.civilaffairs.eldercare.card.web;

import java.net.URI;
import java.time.LocalDate;

import gov.civilaffairs.eldercare.card.TransitCardFile;
import gov.civilaffairs.eldercare.card.TransitCardFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily file for the transit-card system (老年人免费乘车IC卡名单). It lists every transit card of the city,
 * so only a city administrator generates it; the transit-card system itself fetches it as a machine client with
 * scope {@code transit-cards:read} (client {@code transit-card-system}, docs/security.md), or the city
 * administrator downloads it.
 */
@RestController
@PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
@RequestMapping("/transit-card-files")
@Tag(name = "Transit-card files", description = "老年人免费乘车IC卡: the daily list for the transit-card system")
class TransitCardFileController {

  private final TransitCardFiles files;

  TransitCardFileController(TransitCardFiles files) {
    this.files = files;
  }

  @PostMapping
  @Operation(summary = "Generate the file of a date (idempotent: returns the existing file)",
      description = "Lists every transit card (VALID or BLOCKED) and marks the pending block/unblock notifications "
          + "sent. 422 `future-date` for a date after today; 403 for roles other than CITY_ADMINISTRATOR.")
  ResponseEntity<TransitCardFile> generate(@Valid @RequestBody GenerateFileRequest request) {
    TransitCardFile file = files.generate(request.date());
    return ResponseEntity.created(URI.create("/transit-card-files/" + file.fileDate())).body(file);
  }

  @GetMapping("/{date}")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR') or hasAuthority('SCOPE_transit-cards:read')")
  @Operation(summary = "Read a file's summary (lines, notifications delivered)", description = "404 for a date without a file.")
  TransitCardFile file(@Parameter(example = "2026-11-15") @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate date) {
    return files.file(date);
  }

  @GetMapping("/{date}/content")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR') or hasAuthority('SCOPE_transit-cards:read')")
  @Operation(summary = "Download a file as sent (CSV, UTF-8)",
      description = "Columns card_number, status (VALID or BLOCKED), issued_on. The city administrator, or the "
          + "transit-card system's machine client (scope transit-cards:read). 404 for a date without a file.",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples =
          @ExampleObject("card_number,status,issued_on\r\nZJT000000001,VALID,2026-03-02\r\n"))))
  ResponseEntity<String> content(@Parameter(example = "2026-11-15") @PathVariable
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"transit-cards-" + date + ".csv\"")
        .body(files.content(date));
  }
}
