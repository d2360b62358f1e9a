namespace Ivig.Dosing.Domain;

/// <summary>One premedication drug of PRE-PREMED, as the hospital's protocol gives it [local default doses].</summary>
public sealed class PremedicationOptions
{
    public string Drug { get; set; } = "";
    public decimal MinDoseMg { get; set; }
    public decimal MaxDoseMg { get; set; }
    public string Route { get; set; } = "";
}
