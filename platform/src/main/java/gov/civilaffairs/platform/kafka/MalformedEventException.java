package gov.civilaffairs.platform.kafka;

/**
 * A record that is not one of our events: a missing or invalid CloudEvents header, or no payload. Retrying
 * cannot help, so the platform's error handler sends such a record straight to its dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message) {
    super(message);
  }

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
