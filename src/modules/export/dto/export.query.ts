import { Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { DiscretionGroupBy } from '../../analytics/dto/discretion-results.input';

/** Query-string filters shared by the CSV exports; every one optional. */
export class ExportQuery {
  @IsOptional()
  @IsUUID('all', { message: 'pilotId must be a UUID' })
  pilotId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date like 2017-01-31' })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date like 2017-12-31' })
  to?: string;
}

export class DiscretionExportQuery {
  @IsUUID('all', { message: 'pilotId must be a UUID' })
  pilotId: string;

  @IsUUID('all', { message: 'instrumentId must be a UUID' })
  instrumentId: string;

  /** Comma-separated, e.g. WAVE,UNIT. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsEnum(DiscretionGroupBy, { each: true, message: 'groupBy must be a comma-separated list of WAVE, UNIT, RESPONDENT_CATEGORY, TENURE_BAND, PILOT' })
  groupBy?: DiscretionGroupBy[];
}
