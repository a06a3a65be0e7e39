package gov.civilaffairs.registry.death.web;

import gov.civilaffairs.registry.death.RegistrationOutcome;

/** The answer to a reported death: what became of it, and the death record it now belongs to. */
record RegistrationResponse(RegistrationOutcome outcome, DeathRecordResponse deathRecord) {
}
