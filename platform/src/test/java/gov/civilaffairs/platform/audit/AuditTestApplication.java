package gov.civilaffairs.platform.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.civilaffairs.platform.web.ProblemException;

/**
 * A stand-in service for the audit integration test: personal records read and created through
 * {@link Audited} endpoints; the actor comes from the request's bearer token (the platform's
 * JWT-based {@code AuditActorResolver}).
 */
@SpringBootApplication
class AuditTestApplication {

  record Person(String idNumber, String name) {
  }

  @RestController
  static class PersonController {

    private final JdbcClient jdbc;

    PersonController(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @GetMapping("/test-persons/{idNumber}")
    @Audited(action = AuditAction.READ, objectType = "person", objectId = "#idNumber", person = "#idNumber")
    Person person(@PathVariable String idNumber) {
      return jdbc.sql("SELECT id_number, name FROM test_person WHERE id_number = ?").param(idNumber)
          .query(Person.class).optional()
          .orElseThrow(() -> ProblemException.notFound("Person", "with this ID number"));
    }

    @PostMapping("/test-persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(action = AuditAction.CREATE, objectType = "person", objectId = "#person.idNumber()",
        person = "#person.idNumber()")
    Person create(@RequestBody Person person) {
      jdbc.sql("INSERT INTO test_person (id_number, name) VALUES (?, ?)").params(person.idNumber(), person.name())
          .update();
      return person;
    }
  }
}
