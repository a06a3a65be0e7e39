package gov.civilaffairs.platform.outbox;

import java.util.List;

import gov.civilaffairs.platform.kafka.EventEnvelope;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A stand-in service for the event outbox tests: a business row and its events in one transaction. */
@SpringBootApplication
class OutboxTestApplication {

  @Service
  static class Notes {

    private final JdbcTemplate jdbc;
    private final EventOutbox outbox;

    Notes(JdbcTemplate jdbc, EventOutbox outbox) {
      this.jdbc = jdbc;
      this.outbox = outbox;
    }

    /** Writes a note and appends its events one by one, as a consumer applying a poll does. */
    @Transactional
    public void write(String text, String topic, List<EventEnvelope> events) {
      jdbc.update("INSERT INTO test_note (text) VALUES (?)", text);
      for (EventEnvelope event : events) {
        outbox.append(topic, event);
      }
    }

    /** As {@link #write}, then fails: nothing of it may remain. */
    @Transactional
    public void writeAndFail(String text, String topic, List<EventEnvelope> events) {
      write(text, topic, events);
      throw new IllegalStateException("the business change fails after its events were appended");
    }

    /** Appends in an inner transaction of its own, which commits although the outer one fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void writeSeparately(String text, String topic, List<EventEnvelope> events) {
      write(text, topic, events);
    }
  }
}
