package gov.civilaffairs.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import gov.civilaffairs.platform.region.Region;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.time.WorkingDayCalendar;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a client sees when a request names a region that does not exist or a year not covered. */
class ReferenceDataProblemsTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ReferenceDataController())
      .setControllerAdvice(new ProblemExceptionHandler())
      .build();

  @Test
  void anUnknownRegionCodeIs422ProblemJson() throws Exception {
    mvc.perform(get("/regions/339999"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:civil-affairs:problem:unknown-region"))
        .andExpect(jsonPath("$.code").value("unknown-region"))
        .andExpect(jsonPath("$.detail").value(
            "No administrative division has the code '339999' (GB/T 2260, 2 to 12 digits; divisions loaded: provinces 33)."))
        .andExpect(jsonPath("$.field").value("regionCode"))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
        .andExpect(jsonPath("$.errors[0].rule").value("unknown-region"))
        .andExpect(jsonPath("$.errors[0].rejectedValue").value("339999"))
        .andExpect(jsonPath("$.rejectedValue").doesNotExist());
  }

  @Test
  void aValueTooLongToBeARegionCodeIsNamedButNotEchoed() throws Exception {
    // e.g. a national ID number typed into the region field (docs/security.md: never echoed)
    String idNumber = "33068119500315001X";
    mvc.perform(get("/regions/" + idNumber))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("unknown-region"))
        .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
        .andExpect(jsonPath("$.errors[0].rejectedValue").doesNotExist())
        .andExpect(jsonPath("$.detail").value(
            "No administrative division has the code given (GB/T 2260, 2 to 12 digits; divisions loaded: provinces 33)."))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(
            org.hamcrest.Matchers.containsString(idNumber))));
  }

  @Test
  void aDeadlineInAYearNotYetPublishedIs422ProblemJson() throws Exception {
    mvc.perform(get("/deadlines/2027-01-04"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("calendar-not-covered"))
        .andExpect(jsonPath("$.detail").value(
            "Working days of 2027 cannot be counted: the official holiday calendar covers 2025-2026 only."));
  }

  @RestController
  static class ReferenceDataController {

    private final RegionDirectory regions = new RegionDirectory(List.of(Region.of("33", "浙江省")));
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(
        Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 10, 1)), Set.of());

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code) {
      return regions.require(code).name();
    }

    @GetMapping("/deadlines/{intake}")
    LocalDate deadline(@PathVariable LocalDate intake) {
      return calendar.addWorkingDays(intake, 30);
    }
  }
}
