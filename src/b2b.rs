//! `B2bError`: the Stytch B2B API's published 404 error catalog.
use crate::stytch_errors;

stytch_errors! {
    /// The Stytch B2B API's 404 (Not Found) error catalog: all 34 entries of
    /// <https://stytch.com/docs/b2b/api/errors/404>, in page order.
    ///
    /// Each entry carries the page's `error_type`, the `error_message` of its JSON example, and the
    /// entry's description, common causes and troubleshooting steps as the page prints them.
    #[stytch(url = "https://stytch.com/docs/b2b/api/errors/{status}#{fragment}")]
    #[non_exhaustive]
    pub enum B2bError {
        404 {
            billing_info_not_found: "Billing info could not be found.",
            captcha_provider_not_found: "Captcha Provider config could not be found.",
            cname_record_not_found: "Could not find cname record using the values provided.",
            email_not_found: "Email could not be found." {
                description: "There is not a user in this project associated with the supplied email or email_id.",
                causes: [
                    "The user mistypes their email when trying to authenticate via an email-based method which does not fall back to creating a new user. This includes password, magic link (via send), and OTP (via send) authentication.",
                ],
                troubleshooting: [
                    "Prompt the user to check their inputted email, and try again",
                    "Consider using a loginOrCreate method if you would like new users to be able to authenticate",
                ],
            },
            email_settings_not_found: "Email Settings could not be found.",
            email_template_not_found: "Email Template could not be found.",
            insufficient_factors_for_session_exchange: "Session exchange is only supported with sessions containing a magic link factor. Complete a magic link flow and try again.",
            intermediate_session_not_found: "Intermediate session could not be found.",
            member_does_not_exist_in_organization: "Member does not exist in the specified organization.",
            member_not_found: "Member could not be found.",
            oauth_config_not_found: "The OAuth config was not found.",
            oauth_token_not_found: "OAuth Token could not be found." {
                description: "The OAuth token provided can not be found. This may be because the token never existed, or has already been used successfully.",
                causes: [
                    "The web app is attempting to authenticate the token multiple times. In this case, the first attempt results in a successful response, but all following attempts result in this error.",
                ],
                troubleshooting: [
                    "Review your code which grabs the token from the redirect URL query params and authenticates the token. Each token can only be authenticated once.",
                ],
            },
            oauth_user_registration_not_found: "OAuth user registration could not be found.",
            oidc_connection_not_found: "OIDC Connection could not be found.",
            organization_not_found: "Organization could not be found.",
            organization_user_not_found: "Organization User could not be found.",
            otp_code_not_found: "The passcode was incorrect and could not be authenticated, encourage the user to try inputting the passcode again or send another passcode." {
                description: "The passcode provided was incorrect and could not be authenticated.",
                causes: [
                    "The user is not providing the correct OTP code for their authentication attempt. They may have mistyped the value, or are referencing an old or unassociated OPT code.",
                ],
                troubleshooting: [
                    "Ask the user to try again. Additionally, provide an option for the user to send a new code if they are unable to authenticate.",
                ],
            },
            password_not_found: "The password could not be found.",
            phone_number_not_found: "Phone Number could not be found." {
                description: "The provided phone number is not attached to an existing User.",
                causes: [
                    "Calling a /send instead of a login_or_create endpoint for a new user; /send will only succeed given a phone number which is already attached to an existing User.",
                ],
            },
            project_not_found: "Project could not be found.",
            project_user_not_found: "Project User could not be found.",
            public_token_not_found: "public_token could not be found.",
            redirect_url_not_found: "Redirect URL could not be found.",
            route_not_found: "The route provided is not supported.",
            route_not_supported_in_test: "This route is not supported in the test environment. Please use api.stytch.com instead.",
            saml_connection_not_found: "SAML Connection could not be found.",
            secret_not_found: "Secret could not be found.",
            session_not_found: "Session could not be found." {
                description: "The session could not be found. It could be revoked, expired, or nonexistent.",
                causes: [
                    "When a session expires or is revoked, Stytch will return a session_not_found error for an attempt to authenticate it.",
                    "A user returns to a browser session after a long period of inactivity.",
                    "A user is deleted and their session is automatically revoked.",
                ],
                troubleshooting: [
                    "In most cases, a session_not_found error should prompt your app to re-authenticate the user; their session was either revoked, expired, or otherwise no longer exists. They’ll need to generate a new session.",
                ],
            },
            sso_connection_not_found: "SSO Connection could not be found.",
            sso_token_not_found: "SSO Token could not be found.",
            totp_not_found: "The TOTP could not be found.",
            totp_recovery_codes_not_found: "The TOTP recovery codes could not be found.",
            totps_not_found_for_user: "Unable to authenticate totp_code since no active or pending TOTPs could be found for the user.",
            webauthn_registration_not_found: "The WebAuthn registration could not be found.",
        }
    }
}
