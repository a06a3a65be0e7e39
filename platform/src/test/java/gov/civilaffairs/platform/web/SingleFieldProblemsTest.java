package gov.civilaffairs.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service's single-field error (a {@link ProblemException} with a {@code field} property) carries
 * {@code errors[]} like every validation error, and keeps the top-level {@code field} its clients read.
 */
class SingleFieldProblemsTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new DeathController())
      .setControllerAdvice(new ProblemExceptionHandler())
      .build();

  @Test
  void aSingleFieldErrorHasErrorsAndKeepsItsField() throws Exception {
    mvc.perform(get("/future-death"))
        .andExpect(jsonPath("$.errors[0].rejectedValue").doesNotExist())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("death-in-future"))
        .andExpect(jsonPath("$.field").value("dateOfDeath"))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("dateOfDeath"))
        .andExpect(jsonPath("$.errors[0].rule").value("death-in-future"))
        .andExpect(jsonPath("$.errors[0].message").value("The date of death 2099-01-01 is after today."));
  }

  @Test
  void aRejectedValueGoesIntoTheErrorsEntryOnly() throws Exception {
    mvc.perform(get("/wrong-sex"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.field").value("sex"))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("sex"))
        .andExpect(jsonPath("$.errors[0].rule").value("sex-mismatch"))
        .andExpect(jsonPath("$.errors[0].rejectedValue").value("FEMALE"))
        .andExpect(jsonPath("$.rejectedValue").doesNotExist());
  }

  @Test
  void errorsGivenByTheServiceAreKept() throws Exception {
    mvc.perform(get("/outside"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].rule").value("WithinCallerArea"));
  }

  @Test
  void aProblemWithoutAFieldHasNoErrors() throws Exception {
    mvc.perform(get("/conflict"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  @RestController
  static class DeathController {

    @GetMapping("/future-death")
    String futureDeath() {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "death-in-future",
          "The date of death 2099-01-01 is after today.", Map.of("field", "dateOfDeath"));
    }

    @GetMapping("/wrong-sex")
    String wrongSex() {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "sex-mismatch", "The sex FEMALE disagrees.",
          Map.of("field", "sex", "rejectedValue", "FEMALE"));
    }

    @GetMapping("/outside")
    String outside() {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Outside.", Map.of("field", "regionCode",
          "errors", List.of(Map.of("field", "regionCode", "rule", "WithinCallerArea", "message", "outside"))));
    }

    @GetMapping("/conflict")
    String conflict() {
      throw ProblemException.conflict("not-held", "The record is not held.");
    }
  }
}
