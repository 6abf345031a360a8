export * from "./register";
export * from "./enrolment";
export * from "./accounts";
export * from "./messaging";
export * from "./delivery";
export * from "./rate-limits";
export * from "./auth";
export * from "./medical-profile";
