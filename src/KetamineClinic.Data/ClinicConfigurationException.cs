namespace KetamineClinic.Data;

/// <summary>A setting that stops the application from starting. The message names the configuration key.</summary>
public sealed class ClinicConfigurationException(string message) : Exception(message);
