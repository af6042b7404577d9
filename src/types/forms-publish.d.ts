/**
 * Apps Script Forms methods that @types/google-apps-script 2.0.13 does not declare yet, typed from
 * the reference (https://developers.google.com/apps-script/reference/forms/form-app#create(String,Boolean),
 * https://developers.google.com/apps-script/reference/forms/form#setPublished(Boolean)).
 * Remove once the published types carry them.
 */
declare namespace GoogleAppsScript {
  namespace Forms {
    interface FormApp {
      /** "Creates and returns a new Form in the requested publish state." */
      create(title: string, isPublished: boolean): Form;
    }
    interface Form {
      isPublished(): boolean;
      /** Unpublishing "stops it from accepting responses". */
      setPublished(enabled: boolean): Form;
      supportsAdvancedResponderPermissions(): boolean;
    }
  }
}
