import { ArgsType, Field, ID, InputType, Int, ObjectType, PickType } from '@nestjs/graphql';
import { Type as TransformType } from 'class-transformer';
import type { Type } from '@nestjs/common';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { SeriesInput } from '../../analytics/dto/series.input';
import { ObstacleType } from '../obstacle.enums';

@InputType({ description: 'Obstacles counted by type over time, in the caller’s scope.' })
// SeriesInput is abstract (never an input on its own); its period fields are what is picked here.
export class ObstacleCountsInput extends PickType(SeriesInput as unknown as Type<SeriesInput>, ['from', 'to', 'bucket'] as const, InputType) {
  @Field(() => ID, { nullable: true, description: 'Only this pilot’s obstacles.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;
}

@ArgsType()
export class ObstacleCountsArgs {
  @Field(() => ObstacleCountsInput)
  @ValidateNested()
  @TransformType(() => ObstacleCountsInput)
  input: ObstacleCountsInput;
}

@ObjectType('ObstacleCountRow', { description: 'Obstacles of one type in one bucket.' })
export class ObstacleCountRow {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day (clipped to from).' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day (clipped to to).' }) bucketEnd: string;
  @Field(() => ObstacleType, { description: 'The type.' }) type: ObstacleType;
  @Field(() => Int, { description: 'Identified in the bucket.' }) identified: number;
  @Field(() => Int, { description: 'Removed in the bucket.' }) removed: number;
  @Field(() => Int, { description: 'Open at the bucket’s end: identified by then, and neither removed nor kept.' }) open: number;
}
