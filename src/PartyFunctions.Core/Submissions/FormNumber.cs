using System.Globalization;

namespace PartyFunctions.Submissions;

/// <summary>Points as people type them: "12", "12.5" or, in Vietnamese, "12,5"; short, no thousands separators.</summary>
public static class FormNumber
{
    private const int MaxLength = 12;

    public static bool TryParse(string? text, out decimal number)
    {
        var value = (text ?? string.Empty).Trim().Replace(',', '.');
        number = 0;
        return value.Length is > 0 and <= MaxLength
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
