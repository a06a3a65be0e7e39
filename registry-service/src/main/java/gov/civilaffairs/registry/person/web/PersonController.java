package gov.civilaffairs.registry.person.web;

import java.net.URI;
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
import gov.civilaffairs.registry.person.PersonRepository;
import gov.civilaffairs.registry.person.PersonService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

  private final PersonService service;
  private final PersonRepository persons;
  private final RegionDirectory regions;
  private final Clock clock;

  PersonController(PersonService service, PersonRepository persons, RegionDirectory regions, Clock clock) {
    this.service = service;
    this.persons = persons;
    this.regions = regions;
    this.clock = clock;
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
