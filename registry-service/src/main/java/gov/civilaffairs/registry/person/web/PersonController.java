package gov.civilaffairs.registry.person.web;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.masking.Masking;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.importing.ImportProperties;
import gov.civilaffairs.registry.person.PersonImportService;
import gov.civilaffairs.registry.person.PersonRepository;
import gov.civilaffairs.registry.person.PersonService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The person index (人口索引): create, read by id, search by national ID number. */
@RestController
@RequestMapping("/persons")
@Tag(name = "Person index", description = "人口索引: the people whose deaths the registry records")
class PersonController {

  private static final String FEED_EXAMPLE = """
      national_id_number,name,sex,birth_date,region_code
      330681195003150013,张三,MALE,1950-03-15,330681001001
      330681195003150021,李四,,,330681101203
      """;

  private final PersonService service;
  private final PersonImportService importService;
  private final PersonRepository persons;
  private final RegionDirectory regions;
  private final ImportProperties limits;
  private final Clock clock;

  PersonController(PersonService service, PersonImportService importService, PersonRepository persons,
      RegionDirectory regions, ImportProperties limits, Clock clock) {
    this.service = service;
    this.importService = importService;
    this.persons = persons;
    this.regions = regions;
    this.limits = limits;
    this.clock = clock;
  }

  @PostMapping(path = "/imports", consumes = "text/csv")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Add persons in bulk from the household-registration feed (text/csv)",
      description = "The person index is fed in bulk from the hukou (户籍) system. Columns national_id_number, name, "
          + "sex, birth_date, region_code (sex and birth_date may be empty; when given they must agree with the ID "
          + "number). 200 with a result per row: CREATED, ALREADY_INDEXED (nothing changes) or REJECTED with the "
          + "reason, its problem code and the field concerned (invalid ID number, unknown region, sex or birth date "
          + "disagreeing with the ID number, region outside the caller's area); a bad row "
          + "never stops the good ones. 400 invalid-feed when the header lacks a column; 413 beyond "
          + "registry.import.max-rows (20,000) rows or max-file-size (10 MB); nothing is imported then.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
          examples = @ExampleObject(value = FEED_EXAMPLE))),
      responses = {
          @ApiResponse(responseCode = "200", description = "Every row's result",
              content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                  {"rowCount":2,"counts":{"CREATED":1,"ALREADY_INDEXED":1,"REJECTED":0},
                   "rows":[{"rowNo":1,"outcome":"CREATED","personId":101,"reason":null,"code":null,"field":null},
                           {"rowNo":2,"outcome":"ALREADY_INDEXED","personId":57,"reason":null,"code":null,"field":null}]}"""))),
          @ApiResponse(responseCode = "400", description = "invalid-feed", content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "413", description = "too-many-rows or payload-too-large",
              content = @Content(mediaType = "application/problem+json"))})
  @Audited(action = AuditAction.CREATE, objectType = "person-import")
  PersonImportService.ImportResult importFeed(@RequestBody byte[] csv, Caller caller) {
    if (csv.length > limits.maxFileSize().toBytes()) {
      throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
          "The feed is larger than " + limits.maxFileSize() + ".");
    }
    return importService.importFeed(new StringReader(new String(csv, StandardCharsets.UTF_8)), limits.maxRows(),
        caller.regionScope());
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Add a person to the index",
      description = "400 for an invalid ID number (with the reason) or field; 403 region-outside-area when the "
          + "person's region lies outside the caller's area (a township caseworker indexes persons of the township); "
          + "422 when sex or birth date disagree with the ID number; 409 when the ID number is already indexed.")
  @Audited(action = AuditAction.CREATE, objectType = "person", objectId = "#result?.body?.id", person = "#request.nationalIdNumber()")
  ResponseEntity<PersonResponse> create(@Valid @RequestBody CreatePersonRequest request, Caller caller) {
    regions.require(request.regionCode());
    if (!caller.regionScope().covers(request.regionCode())) {
      // The region rule (docs/security.md): staff create records only within their own area. 403, not
      // 404: nothing exists yet whose existence the answer could reveal.
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "The region " + request.regionCode() + " lies outside your area; a person is indexed by staff of the "
              + "person's own area.",
          Map.of("errors", List.of(Map.of("field", "regionCode", "rule", "WithinCallerArea",
              "message", "must lie within the caller's area"))));
    }
    var person = service.register(request.nationalIdNumber(), request.name(), request.sex(), request.birthDate(),
        request.regionCode());
    return ResponseEntity.created(URI.create("/persons/" + person.id())).body(PersonResponse.of(person));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_persons:read') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read a person by id", description = "404 also when the person lives outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "person", objectId = "#id")
  PersonResponse read(@PathVariable long id, Caller caller) {
    return persons.findById(id).filter(person -> caller.regionScope().covers(person.regionCode()))
        .map(PersonResponse::of).orElseThrow(() -> ProblemException.notFound("Person", id));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_persons:read') or hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Find a person by national ID number", description = "404 when the number is not indexed or the person lives outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "person", person = "#nationalIdNumber")
  PersonResponse search(@Parameter(example = "330681199001011237") @RequestParam String nationalIdNumber,
      Caller caller) {
    String number = NationalIdNumber.parse(nationalIdNumber, LocalDate.now(clock)).value();
    return persons.findByNationalIdNumber(number).filter(person -> caller.regionScope().covers(person.regionCode()))
        .map(PersonResponse::of)
        .orElseThrow(() -> ProblemException.notFound("Person with national ID number",
            Masking.nationalIdNumber(nationalIdNumber)));
  }
}
