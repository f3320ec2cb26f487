"""Pure clinical calculations: ALSFRS-R, staging, eligibility, visit windows, dose; no Qt, no DB."""
