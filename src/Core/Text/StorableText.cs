using System.Text.Json;
using System.Text.Json.Serialization;

namespace YouthMonth.Core.Text;

/// <summary>
/// Text PostgreSQL can store: no U+0000 (a text column refuses it, 22021/22P05) and no lone UTF-16 surrogate
/// (not encodable as UTF-8; Normalize throws on it too). Checked where input enters, so the answer can name the field.
/// </summary>
public static class StorableText
{
    public const string Problem = "Không được chứa ký tự NUL (U+0000) hoặc ký tự Unicode hỏng.";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}

/// <summary>Thrown while reading JSON when a string is not <see cref="StorableText"/>; the serializer fills in its path.</summary>
public sealed class UnstorableTextException() : JsonException(StorableText.Problem);

/// <summary>Every JSON string read through options that carry this converter is refused unless storable.</summary>
public sealed class StorableStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        var value = reader.GetString();
        if (value is not null && !StorableText.IsStorable(value)) throw new UnstorableTextException();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
