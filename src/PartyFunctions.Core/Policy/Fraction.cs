using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyFunctions.Policy;

/// <summary>
/// An exact share such as 2/3 or 7/12. Packs write it as the string "2/3": a decimal like 0.6667 would put
/// attendance of exactly two thirds on the wrong side of the threshold.
/// </summary>
[JsonConverter(typeof(FractionJsonConverter))]
public readonly record struct Fraction(int Numerator, int Denominator)
{
    public static bool TryParse(string? text, out Fraction value)
    {
        value = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            || denominator == 0)
        {
            return false;
        }

        value = new Fraction(numerator, denominator);
        return true;
    }

    /// <summary>True when the value lies in [0, 1], as every share in a pack must.</summary>
    public bool IsShare => Denominator > 0 && Numerator >= 0 && Numerator <= Denominator;

    /// <summary>Compares part/whole with this fraction exactly: negative below, zero equal, positive above.</summary>
    public int CompareRatio(long part, long whole) => (part * Denominator).CompareTo(Numerator * whole);

    /// <summary>Compares a decimal rate with this fraction exactly.</summary>
    public int CompareRate(decimal rate) => (rate * Denominator).CompareTo(Numerator);

    /// <summary>ceil(this × count), in integers.</summary>
    public int CeilingOf(int count) => (Numerator * count + Denominator - 1) / Denominator;

    /// <summary>floor(this × count), in integers.</summary>
    public int FloorOf(int count) => Numerator * count / Denominator;

    public string Percent(IFormatProvider culture) =>
        ((double)Numerator / Denominator).ToString("0.#%", culture);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}

internal sealed class FractionJsonConverter : JsonConverter<Fraction>
{
    public override Fraction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Fraction.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("A fraction is a string such as \"2/3\".");

    public override void Write(Utf8JsonWriter writer, Fraction value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
