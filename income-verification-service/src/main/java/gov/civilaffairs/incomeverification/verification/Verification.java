package gov.civilaffairs.incomeverification.verification;

import java.util.List;

/**
 * A request with what the departments answered and the report made from it (the answer of
 * {@code POST /verification-requests} and {@code GET /verification-requests/{id}}).
 *
 * @param request the request
 * @param departmentQueries the latest query of each department
 * @param report the report; for a {@code PENDING} request, provisional, with the missing sources marked
 */
public record Verification(VerificationRequest request, List<DepartmentQuery> departmentQueries,
    HouseholdReport report) {
}
