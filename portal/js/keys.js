// The keys the user entered once: kept in sessionStorage and asked for with the Keys dialog.
const STORAGE = window.sessionStorage;
const FIELDS = ["trainingKey", "predictionKey", "predictionResourceId"];

// cvmock's defaults (README, Configuration); a cvmock started with other keys needs those instead.
export const DEFAULTS = {
  trainingKey: "cvmock-training-key",
  predictionKey: "cvmock-prediction-key",
  predictionResourceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/" +
    "Microsoft.CognitiveServices/accounts/cvmock-prediction",
};

export function getKeys() {
  return Object.fromEntries(FIELDS.map((field) => [field, STORAGE.getItem(`cvmock.${field}`) ?? ""]));
}

export function haveKeys() {
  const keys = getKeys();
  return FIELDS.every((field) => keys[field] !== "");
}

function saveKeys(keys) {
  for (const field of FIELDS) STORAGE.setItem(`cvmock.${field}`, keys[field].trim());
}

// Opens the dialog; `check(keys)` resolves to an error message, or "" when the keys work. Resolves once saved.
export function askForKeys(check) {
  const dialog = document.getElementById("keys-dialog");
  const form = document.getElementById("keys-form");
  const error = document.getElementById("keys-error");
  const inputs = {
    trainingKey: document.getElementById("training-key"),
    predictionKey: document.getElementById("prediction-key"),
    predictionResourceId: document.getElementById("prediction-resource"),
  };
  const current = getKeys();
  for (const field of FIELDS) inputs[field].value = current[field] || (field === "predictionResourceId" ? DEFAULTS[field] : "");
  error.hidden = true;
  document.getElementById("keys-defaults").onclick = () => {
    for (const field of FIELDS) inputs[field].value = DEFAULTS[field];
  };
  return new Promise((resolve) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      const entered = Object.fromEntries(FIELDS.map((field) => [field, inputs[field].value.trim()]));
      const problem = await check(entered);
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        return;
      }
      saveKeys(entered);
      dialog.close();
      resolve(entered);
    };
    // Escape must not leave the portal without keys.
    dialog.oncancel = (event) => { if (!haveKeys()) event.preventDefault(); };
    if (!dialog.open) dialog.showModal();
    inputs.trainingKey.focus();
  });
}
