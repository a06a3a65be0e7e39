package gov.civilaffairs.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A body Jackson cannot read: the problem names the field when there is one. */
class UnreadableBodyProblemsTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ReportController())
      .setControllerAdvice(new ProblemExceptionHandler())
      .build();

  @Test
  void anUnknownCodeNamesItsField() throws Exception {
    mvc.perform(post("/reports").contentType(MediaType.APPLICATION_JSON)
            .content("{\"source\":\"ALIENS\",\"dateOfDeath\":\"2026-01-02\",\"members\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("malformed-request"))
        .andExpect(jsonPath("$.errors[0].field").value("source"));
  }

  @Test
  void anImpossibleDateInsideAListNamesItsPath() throws Exception {
    mvc.perform(post("/reports").contentType(MediaType.APPLICATION_JSON)
            .content("{\"source\":\"POLICE\",\"dateOfDeath\":\"2026-01-02\",\"members\":[{\"born\":\"2026-02-31\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("members[0].born"));
  }

  @Test
  void aBodyThatIsNotJsonHasNoFieldErrors() throws Exception {
    mvc.perform(post("/reports").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("malformed-request"))
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  enum Source { POLICE }

  record Member(LocalDate born) {
  }

  record Report(Source source, LocalDate dateOfDeath, List<Member> members) {
  }

  @RestController
  static class ReportController {

    @PostMapping("/reports")
    String report(@RequestBody Report report) {
      return "ok";
    }
  }
}
