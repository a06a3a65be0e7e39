package gov.civilaffairs.registry.importing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.death.DeathSourcePolicy;
import gov.civilaffairs.registry.death.RegistrationOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of the daily death feed (one death a row; columns in {@link DeathFeed}) and its per-row
 * report. The web adapter lives beside the feature because the feature is small.
 */
@RestController
@RequestMapping("/imports")
@Tag(name = "Death feed imports", description = "市数据共享平台每日死亡数据: bulk CSV import with a result per row")
class ImportController {

  /** An import's summary and one page of its rows. */
  record ImportReport(long id, String fileName, Instant receivedAt, Instant completedAt, int rowCount,
      Map<RegistrationOutcome, Long> counts, int page, int size, List<ImportRepository.RowResult> rows) {
  }

  private static final String EXAMPLE = """
      national_id_number,name,date_of_death,source,source_reference,time_of_death
      330681195003150013,张三,2025-06-30,HUKOU_CANCELLATION,PSB-2025-0001,
      330681195003150021,李四,,MEDICAL_CERTIFICATE,MED-88,2025-06-30T23:30:00+08:00
      """;

  private final DeathImportService service;
  private final ImportRepository imports;
  private final ImportProperties properties;
  private final DeathSourcePolicy sources;

  ImportController(DeathImportService service, ImportRepository imports, ImportProperties properties,
      DeathSourcePolicy sources) {
    this.sources = sources;
    this.service = service;
    this.imports = imports;
    this.properties = properties;
  }

  @PostMapping(consumes = "multipart/form-data")
  @PreAuthorize("hasAuthority('SCOPE_deaths:write') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Import a death feed file (multipart, part 'file')",
      description = "201 with the import's summary; each row is ACCEPTED, DUPLICATE, HELD_FOR_REVIEW or REJECTED with "
          + "the reason; a row whose source the sender may not report (registry.death-sources: the police report "
          + "HUKOU_CANCELLATION, hospitals MEDICAL_CERTIFICATE, funeral homes CREMATION, the data-sharing platform "
          + "all; staff CASEWORKER and COURT_DECLARATION) is REJECTED with that reason. 400 invalid-feed when the "
          + "header lacks a column; 413 beyond the size or row limit.")
  ResponseEntity<ImportReport> importFile(@RequestPart("file") MultipartFile file, Caller caller) throws IOException {
    try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      return created(service.importFeed(file.getOriginalFilename(), reader, source -> sources.allows(caller, source)));
    }
  }

  @PostMapping(consumes = "text/csv")
  @PreAuthorize("hasAuthority('SCOPE_deaths:write') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Import a death feed sent as the request body (text/csv)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
          examples = @ExampleObject(value = EXAMPLE))))
  ResponseEntity<ImportReport> importBody(@RequestBody byte[] csv, Caller caller) {
    if (csv.length > properties.maxFileSize().toBytes()) {
      throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
          "The feed is larger than " + properties.maxFileSize() + ".");
    }
    return created(service.importFeed(null, new StringReader(new String(csv, StandardCharsets.UTF_8)),
        source -> sources.allows(caller, source)));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_deaths:write') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read an import: counts per outcome and a page of row results in row order")
  ImportReport read(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    var header = imports.find(id).orElseThrow(() -> ProblemException.notFound("Import", id));
    return new ImportReport(id, header.fileName(), header.receivedAt(), header.completedAt(), header.rowCount(),
        imports.countByOutcome(id), page, size, imports.findRows(id, size, (long) page * size));
  }

  private ResponseEntity<ImportReport> created(long importId) {
    return ResponseEntity.created(URI.create("/imports/" + importId)).body(read(importId, 0, 100));
  }
}
