export * from "./names";
export { type ArmObject, type ArmClientOptions, ARM_ENDPOINTS, DiscoveryError, PUBLIC_ARM_ENDPOINT, SITE_RECOVERY_API_VERSION, armLister } from "./arm-client";
export * from "./catalog";
export { discoverSiteRecovery, resolveSite } from "./site-recovery";
export * from "./configured-names";
export * from "./placeholder-catalog";
