// Which kind of project a domain makes: "ObjectDetection" domains make detection projects, the rest classification.
// The domain list is asked for once per page load (it never changes while cvmock runs); a failed call is not kept.
import { getDomains } from "./api.js";

let domains = null;

export function allDomains() {
  domains ??= getDomains().catch((error) => {
    domains = null;
    throw error;
  });
  return domains;
}

// Resolves true when `project` (a Project from the API) is an object detection project.
export async function isDetectionProject(project) {
  const domain = (await allDomains()).find((candidate) => candidate.id === project.settings.domainId);
  return domain?.type === "ObjectDetection";
}
