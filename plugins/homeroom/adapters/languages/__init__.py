"""``homeroom/languages``: every language a district serves, in the theme and in static-i18n."""
