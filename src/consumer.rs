//! `ConsumerError`: the Stytch consumer API's published 404 error catalog.
use crate::stytch_errors;

stytch_errors! {
    /// The Stytch consumer API's 404 (Not Found) error catalog: all 41 entries of
    /// <https://stytch.com/docs/api-reference/consumer/api/errors/404>, in page order.
    ///
    /// Each entry carries the page's `error_type`, the `error_message` of its JSON example, and the
    /// entry's title, description, common causes and troubleshooting steps (Markdown).
    #[stytch(url = "https://stytch.com/docs/api-reference/consumer/api/errors/{status}#{fragment}")]
    #[non_exhaustive]
    pub enum ConsumerError {
        404 {
            billing_info_not_found: "Billing info could not be found.",
            biometric_registration_not_found: "Biometric registration could not be found.",
            captcha_provider_not_found: "Captcha Provider config could not be found.",
            cname_record_not_found: "Could not find cname record using the values provided.",
            connected_app_not_found: "The Connected App requested could not be found.",
            crypto_wallet_not_found: "Crypto wallet could not be found.",
            default_provider_not_allowed: "The Stytch Default OAuth Provider is not compatible with this feature, which requires additional configuration for your project. Please configure your own OAuth provider in the dashboard at https://stytch.com/dashboard/oauth." {
                description: "The Stytch Default OAuth Provider is not compatible with this feature, which requires additional configuration for your project. Please configure your own OAuth provider in the dashboard at [https://stytch.com/dashboard/oauth](https://stytch.com/dashboard/oauth).",
            },
            email_not_found: "Email could not be found." {
                description: "There is not a user in this project associated with the supplied `email` or `email_id`.",
                causes: [
                    "The user mistypes their email when trying to authenticate via an email-based method which does not fall back to creating a new user. This includes password, magic link (via `send`), and OTP (via `send`) authentication.",
                ],
                troubleshooting: [
                    "Prompt the user to check their inputted email, and try again",
                    "Consider using a `loginOrCreate` method if you would like new users to be able to authenticate",
                ],
            },
            email_settings_not_found: "Email Settings could not be found.",
            email_template_not_found: "Email Template could not be found.",
            event_log_streaming_not_found: "The event log streaming destination was not found.",
            idp_access_token_could_not_be_exchanged: "The access token could not be exchanged.",
            idp_access_token_not_found: "The access token could not be found.",
            idp_auth_code_not_found: "The authorization code could not be found.",
            idp_refresh_token_not_found: "The refresh token could not be found.",
            jwt_template_not_found: "JWT Template was not found.",
            magic_link_not_found: "The magic link could not be authenticated, try sending another magic link to the user.",
            no_captcha_provider_configured: "There's no Captcha Provider configured for this platform. Please configure the captcha config at https://stytch.com/dashboard/captcha/recaptcha." {
                description: "There's no Captcha Provider configured for this platform. Please configure the captcha config at [https://stytch.com/dashboard/captcha/recaptcha](https://stytch.com/dashboard/captcha/recaptcha).",
            },
            oauth_config_not_found: "The OAuth config was not found. You can configure your OAuth providers in the dashboard at https://stytch.com/dashboard/oauth." {
                description: "The OAuth config was not found. You can configure your OAuth providers in the dashboard at [https://stytch.com/dashboard/oauth](https://stytch.com/dashboard/oauth).",
            },
            oauth_token_not_found: "OAuth Token could not be found." {
                description: "The OAuth token provided can not be found. This may be because the token never existed, or has already been used successfully.",
                causes: [
                    "The web app is attempting to authenticate the `token` multiple times. In this case, the first attempt results in a successful response, but all following attempts result in this error.",
                ],
                troubleshooting: [
                    "Review your code which grabs the `token` from the redirect URL query params and authenticates the token. Each token can only be authenticated once.",
                ],
            },
            oauth_user_registration_not_found: "OAuth user registration could not be found.",
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
                    "Calling a `/send` instead of a `login_or_create` endpoint for a new user; `/send` will only succeed given a phone number which is already attached to an existing User.",
                ],
            },
            project_not_found: "Project could not be found." {
                causes: [
                    "Working with multiple Stytch Projects can result in the `project_id` and `secret` getting mixed up.",
                ],
                troubleshooting: [
                    "Confirm the `secret` and `project_id` are associated within the same project.",
                ],
            },
            project_user_not_found: "Project User could not be found.",
            public_token_not_found: "public_token could not be found.",
            recovery_codes_not_found: "Recovery codes could not be found.",
            redirect_url_not_found: "Redirect URL could not be found.",
            route_not_found: "The route provided is not supported.",
            route_not_supported_in_test: "This route is not supported in the test environment. Please use api.stytch.com instead.",
            secret_not_found: "Secret could not be found.",
            session_not_found: "Session could not be found." {
                description: "The session could not be found. It could be revoked, expired, or nonexistent.",
                causes: [
                    "When a session expires or is revoked, Stytch will return a `session_not_found` error for an attempt to authenticate it.",
                    "A user returns to a browser session after a long period of inactivity.",
                    "A user is deleted and their session is automatically revoked.",
                ],
                troubleshooting: [
                    "You can pull all of a user's active sessions using the [get sessions endpoint](/docs/api/session-get).",
                    "In most cases, a `session_not_found` error should prompt your app to re-authenticate the user; their session was either revoked, expired, or otherwise no longer exists. They'll need to generate a new session.",
                ],
            },
            sms_template_not_found: "Unable to find the requested SMS template.",
            totp_not_found: "The TOTP could not be found.",
            totps_not_found_for_user: "Unable to authenticate totp_code since no active or pending TOTPs could be found for the user.",
            trusted_token_profile_not_found: "The trusted token profile could not be found.",
            user_not_found: "User could not be found.",
            webauthn_registration_not_found: "The WebAuthn registration could not be found.",
        }
    }
}
