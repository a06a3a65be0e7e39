package gov.civilaffairs.relief.application.web;

import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.relief.application.ApplicationStatus;

/**
 * The overdue applications of one township (9-digit code): open applications whose decision was due
 * before today ({@code dueOn}, working days of the official calendar).
 */
record OverdueTownship(String townshipCode, String townshipName, int count, List<OverdueApplication> applications) {

  record OverdueApplication(long id, String regionCode, ApplicationStatus status, LocalDate receivedOn,
      LocalDate dueOn) {
  }
}
