package gov.civilaffairs.eldercare.community.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.eldercare.community.CommunityRegisters;
import gov.civilaffairs.eldercare.community.CommunityRegisters.Association;
import gov.civilaffairs.eldercare.community.CommunityRegisters.CulturalEvent;
import gov.civilaffairs.eldercare.community.CommunityRegisters.ElderlyHome;
import gov.civilaffairs.eldercare.community.CommunityRegisters.Level;
import gov.civilaffairs.eldercare.community.CommunityRegisters.Target;
import gov.civilaffairs.eldercare.community.CommunityRegisters.UnitKind;
import gov.civilaffairs.eldercare.community.CommunityRegisters.UnitResult;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Community registers: community elderly homes (星光老年之家) and grading, village elderly associations (老年协会)
 * with elections and recognitions, cultural and sports events, and the yearly assessment of townships and member
 * units. Every record is checked against the caller's area; setting targets and scores is county work.
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@Tag(name = "Community registers", description = "星光老年之家, 老年协会, 文体活动, 目标责任制考核")
class CommunityController {

  private final CommunityRegisters registers;

  CommunityController(CommunityRegisters registers) {
    this.registers = registers;
  }

  record HomeRequest(@Schema(example = "江东社区星光老年之家") @NotBlank @Size(max = 200) String name,
      @Schema(example = "330681001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
      String regionCode,
      @Schema(example = "2015-10-01") @NotNull LocalDate openedOn) {
  }

  record GradingRequest(@Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(example = "STANDARD") @NotBlank String grade, @Schema(example = "2026-10-20") @NotNull LocalDate gradedOn) {
  }

  record AssociationRequest(@Schema(example = "江东社区老年人协会") @NotBlank @Size(max = 200) String name,
      @Schema(example = "330681001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code")
      String regionCode,
      @Schema(example = "2012-05-01") @NotNull LocalDate establishedOn) {
  }

  record ElectionRequest(@Schema(example = "2026-05-10") @NotNull LocalDate electedOn,
      @Schema(example = "赵德明") @NotBlank @Size(max = 100) String chair) {
  }

  record RecognitionRequest(@Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(example = "省级示范老年协会") @NotBlank @Size(max = 200) String title,
      @Schema(example = "PROVINCE") @NotNull Level level) {
  }

  record EventRequest(@Schema(example = "诸暨市老年人门球赛") @NotBlank @Size(max = 200) String name,
      @Schema(example = "330681") @NotNull
      @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit region code") String regionCode,
      @Schema(example = "2026-10-09") @NotNull LocalDate heldOn,
      @Schema(example = "MUNICIPALITY") @NotNull Level level,
      @Schema(example = "SPORT") @NotNull CulturalEvent.Kind kind,
      @Schema(example = "240") @NotNull @Min(0) @Max(1000000) Integer participants) {
  }

  record TargetRequest(@Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(example = "TOWNSHIP") @NotNull UnitKind unitKind,
      @Schema(example = "暨阳街道") @NotBlank @Size(max = 200) String unitName,
      @Schema(description = "The township's 9-digit code, or a member unit's county", example = "330681001")
      @NotNull @Pattern(regexp = "\\d{6}|\\d{9}", message = "must be a 6 or 9-digit region code") String regionCode,
      @Schema(example = "居家养老服务站覆盖率达到 100%") @NotBlank @Size(max = 500) String target,
      @Schema(example = "10") @NotNull @DecimalMin("0.01") @Digits(integer = 4, fraction = 2) BigDecimal maxScore) {
  }

  record ScoreRequest(@Schema(example = "8.5") @NotNull BigDecimal score) {
  }

  @PostMapping("/community-elderly-homes")
  @Operation(summary = "Register a community elderly home (星光老年之家)",
      description = "422 `not-a-village`, `future-date`; 403 `region-outside-area`.")
  ResponseEntity<ElderlyHome> openHome(@Valid @RequestBody HomeRequest request, Caller caller) {
    inArea(caller, request.regionCode());
    ElderlyHome home = registers.openHome(request.name().strip(), request.regionCode(), request.openedOn());
    return ResponseEntity.created(URI.create("/community-elderly-homes/" + home.id())).body(home);
  }

  @GetMapping("/community-elderly-homes")
  @Operation(summary = "Homes within the caller's area with their gradings", description = "Filtered in SQL.")
  List<ElderlyHome> homes(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return registers.homes(caller.regionScope(), size);
  }

  @PostMapping("/community-elderly-homes/{id}/gradings")
  @Operation(summary = "Grade a home for a year",
      description = "Grades: eldercare.community.home-grades (default BASIC, STANDARD, MODEL). 404 outside the area; "
          + "422 `unknown-grade`, `future-date`; 409 `duplicate` for a year graded already.")
  ElderlyHome grade(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody GradingRequest request) {
    return registers.grade(registers.home(id, caller.regionScope()), request.year(), request.grade(), request.gradedOn());
  }

  @PostMapping("/elderly-associations")
  @Operation(summary = "Register a village elderly association (老年协会)",
      description = "422 `not-a-village`, `future-date`; 403 `region-outside-area`.")
  ResponseEntity<Association> registerAssociation(@Valid @RequestBody AssociationRequest request, Caller caller) {
    inArea(caller, request.regionCode());
    Association association = registers.registerAssociation(request.name().strip(), request.regionCode(),
        request.establishedOn());
    return ResponseEntity.created(URI.create("/elderly-associations/" + association.id())).body(association);
  }

  @GetMapping("/elderly-associations")
  @Operation(summary = "Associations within the caller's area; electionOverdue=true lists those past their election",
      description = "The next election is due a term (eldercare.community.association-term-years, default 3) after "
          + "the last one.")
  List<Association> associations(Caller caller, @RequestParam(defaultValue = "false") boolean electionOverdue,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    return registers.associations(caller.regionScope(), electionOverdue, size);
  }

  @PostMapping("/elderly-associations/{id}/elections")
  @Operation(summary = "Record an election (换届)", description = "404 outside the area; 422 `future-date`, `before-last-election`.")
  Association elect(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody ElectionRequest request) {
    return registers.elect(registers.association(id, caller.regionScope()), request.electedOn(), request.chair().strip());
  }

  @PostMapping("/elderly-associations/{id}/recognitions")
  @Operation(summary = "Record a recognition (表彰)", description = "404 outside the area; 422 `future-year`.")
  Association recognise(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody RecognitionRequest request) {
    return registers.recognise(registers.association(id, caller.regionScope()), request.year(),
        request.title().strip(), request.level());
  }

  @PostMapping("/cultural-events")
  @Operation(summary = "Record a cultural or sports event with its level (province, city, municipality)",
      description = "422 unknown region, `future-date`; 403 `region-outside-area`.")
  ResponseEntity<CulturalEvent> recordEvent(@Valid @RequestBody EventRequest request, Caller caller) {
    inArea(caller, request.regionCode());
    CulturalEvent event = registers.recordEvent(request.name().strip(), request.regionCode(), request.heldOn(),
        request.level(), request.kind(), request.participants());
    return ResponseEntity.created(URI.create("/cultural-events")).body(event);
  }

  @GetMapping("/cultural-events")
  @Operation(summary = "Events within the caller's area held between two days, newest first",
      description = "422 `period` when to is before from.")
  List<CulturalEvent> events(Caller caller, @Parameter(example = "2026-01-01") @RequestParam LocalDate from,
      @Parameter(example = "2026-12-31") @RequestParam LocalDate to,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    if (to.isBefore(from)) {
      throw ProblemException.unprocessable("period", "to " + to + " is before from " + from + ".");
    }
    return registers.events(caller.regionScope(), from, to, size);
  }

  @PostMapping("/annual-assessments/targets")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Set a yearly target of a township or member unit, with its maximum score",
      description = "422 `not-a-township`, `not-a-county`; 409 `duplicate`; 403 `region-outside-area`.")
  ResponseEntity<Target> setTarget(@Valid @RequestBody TargetRequest request, Caller caller) {
    inArea(caller, request.regionCode());
    Target target = registers.setTarget(request.year(), request.unitKind(), request.unitName().strip(),
        request.regionCode(), request.target().strip(), request.maxScore());
    return ResponseEntity.created(URI.create("/annual-assessments/targets/" + target.id())).body(target);
  }

  @PutMapping("/annual-assessments/targets/{id}/score")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Score a target", description = "404 outside the area; 422 `score-out-of-range`.")
  Target score(@Parameter(example = "1") @PathVariable long id, Caller caller, @Valid @RequestBody ScoreRequest request) {
    return registers.score(registers.target(id, caller.regionScope()), request.score());
  }

  @GetMapping("/annual-assessments/{year}")
  @Operation(summary = "The units' results of a year within the caller's area, highest score first",
      description = "Per unit: score, maximum, targets scored of targets. Filtered in SQL.")
  List<UnitResult> results(@Parameter(example = "2026") @PathVariable int year, Caller caller) {
    return registers.results(year, caller.regionScope());
  }

  private static void inArea(Caller caller, String regionCode) {
    RegionScope area = caller.regionScope();
    if (!area.covers(regionCode)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + regionCode
          + " is outside your area.");
    }
  }
}
