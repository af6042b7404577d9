/**
 * Apps Script ScriptApp methods that @types/google-apps-script 2.0.13 does not declare yet, typed
 * from the reference (https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String),
 * https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes()).
 * Remove once the published types carry them.
 */
declare namespace GoogleAppsScript {
  namespace Script {
    interface AuthorizationInfo {
      /** "If authorization info is requested for a specified list of scopes, returns the authorized scopes from the specified list." */
      getAuthorizedScopes(): string[] | null;
    }
    interface ScriptApp {
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
  }
}
