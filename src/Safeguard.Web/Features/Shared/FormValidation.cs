using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.People;

namespace Safeguard.Web.Features.Shared;

/// <summary>
/// Checks for typed text, adding GOV.UK-style messages by the field. They return the trimmed value (or null) and
/// never change what the form shows back: the page redisplays exactly what was typed.
/// </summary>
public static class FormValidation
{
    public static string? RequiredText(this ModelStateDictionary modelState, string? value, string key, string whenMissing, int maximum, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            modelState.AddModelError(key, whenMissing);
            return null;
        }
        return modelState.OptionalText(trimmed, key, maximum, what);
    }

    public static string? OptionalText(this ModelStateDictionary modelState, string? value, string key, int maximum, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > maximum)
        {
            modelState.AddModelError(key, $"{what} must be {maximum:N0} characters or fewer; you have entered {trimmed.Length:N0}");
        }
        return trimmed;
    }

    /// <summary>
    /// A written reason for access (break-glass, a request): required, long enough to say something, not too long.
    /// </summary>
    public static string AccessReason(this ModelStateDictionary modelState, string? value, string key, string whenMissing, string whatToSay)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var reason = value?.Trim() ?? "";
        if (reason.Length == 0)
        {
            modelState.AddModelError(key, whenMissing);
        }
        else if (reason.Length < Core.Access.ChildRecordAccess.MinimumReasonLength)
        {
            modelState.AddModelError(key, $"Your reason must be at least {Core.Access.ChildRecordAccess.MinimumReasonLength} characters: {whatToSay}");
        }
        else if (reason.Length > 2000)
        {
            modelState.AddModelError(key, "Your reason must be 2,000 characters or fewer");
        }
        return reason;
    }

    /// <summary>A date that, if given, is a real date not in the future.</summary>
    public static DateOnly? OptionalPastDate(this ModelStateDictionary modelState, DateInput input, string key, string what, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsEmpty)
        {
            return null;
        }
        if (!input.TryParse(what, out var date, out var error))
        {
            modelState.AddModelError(key, error);
            return null;
        }
        if (date > today)
        {
            modelState.AddModelError(key, $"{what} must be today or in the past");
        }
        else if (date < today.AddYears(-120))
        {
            modelState.AddModelError(key, $"{what} must be within the last 120 years");
        }
        return date;
    }

    /// <summary>An NHS number that, if given, is ten digits with a valid check digit; returned as the ten digits.</summary>
    public static string? OptionalNhsNumber(this ModelStateDictionary modelState, string? value, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var nhsNumber = NhsNumber.Normalise(value);
        if (nhsNumber is null)
        {
            modelState.AddModelError(key, "NHS number must be 10 digits");
        }
        else if (!NhsNumber.IsValid(nhsNumber))
        {
            modelState.AddModelError(key, "This is not a valid NHS number: check each digit (the last digit is a check digit)");
        }
        return nhsNumber;
    }
}
