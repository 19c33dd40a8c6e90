namespace PassBroker.Testing.EndToEnd;

/// <summary>
/// A deployment of two brands for the second-screen tests: the default brand (public id <see cref="DefaultId"/>) and
/// <see cref="Second"/>, on the emulator's one service provider (two apps of one channel), each with its own look.
/// </summary>
public static class SecondScreenBrands
{
    public const string DefaultId = "ref30";
    public const string Second = "ref31";
    public const string DefaultName = "Reference TV";
    public const string SecondName = "Reference Sports";

    /// <summary>The default brand's colours: light.</summary>
    public static readonly (string Primary, string Background, string Text) DefaultColors = ("#0b57d0", "#ffffff", "#1a1a1a");

    /// <summary>The second brand's colours: dark, with an amber accent.</summary>
    public static readonly (string Primary, string Background, string Text) SecondColors = ("#ffb000", "#101820", "#f5f5f5");

    /// <summary>On the host the browser tests answer for (SecondScreen:LogoHosts of the test settings).</summary>
    public const string SecondLogo = "https://passbroker.example/brands/ref31.svg";

    /// <summary>The DevHost settings (<c>--Section:Key=value</c>) of the two brands.</summary>
    public static string[] Settings() =>
    [
        $"--Brand:Id={DefaultId}",
        $"--Brand:Name={DefaultName}",
        $"--Brand:PrimaryColor={DefaultColors.Primary}",
        $"--Brand:BackgroundColor={DefaultColors.Background}",
        $"--Brand:TextColor={DefaultColors.Text}",
        $"--Brands:{Second}:AdobePass:ServiceProvider=REF30",
        $"--Brands:{Second}:Brand:Name={SecondName}",
        $"--Brands:{Second}:Brand:PrimaryColor={SecondColors.Primary}",
        $"--Brands:{Second}:Brand:BackgroundColor={SecondColors.Background}",
        $"--Brands:{Second}:Brand:TextColor={SecondColors.Text}",
        $"--Brands:{Second}:Brand:LogoUrl={SecondLogo}",
    ];
}
