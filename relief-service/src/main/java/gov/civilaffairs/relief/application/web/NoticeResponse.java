package gov.civilaffairs.relief.application.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;

/**
 * What the public notice (公示) shows in the village or community: the household's size, the adult members'
 * names and relations, its income and the proposed amount. No ID number is shown, and minors (under
 * {@code relief.application.adult-age} on the notice's first day) are counted but never named
 * (中华人民共和国未成年人保护法: minors' personal information is protected; 民发〔2021〕57号: the notice
 * protects the applicants' privacy).
 */
record NoticeResponse(long applicationId, String villageCode, String villageName, Area area, int householdSize,
    List<AdultView> adults, int minors, BigDecimal monthlyIncome, BigDecimal proposedMonthlyAmount,
    LocalDate noticeStartsOn, LocalDate noticeEndsOn) {

  record AdultView(String name, Relation relation) {
  }
}
