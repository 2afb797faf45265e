export { registerSecret, listRegisteredSecrets, clearRegisteredSecrets, shortestRegisteredSecret } from './secret-registry'
export { redactText, redactUrl, redactHeaders, redactValue, redactedMarker, secretFieldNames, secretHeaderNames } from './redact-text'
