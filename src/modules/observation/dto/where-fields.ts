import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { SteeringLevel } from '../../pilot/pilot.enums';
import { RespondentRole } from '../observation.enums';

/** Filter fields shared by the observation list and the code counts: where in the chain, and who spoke. */
export const LevelFilterField = () =>
  applyDecorators(
    Field(() => [SteeringLevel], { nullable: true, description: 'Made at any of these steering-chain levels ("did it reach the front line?").' }),
    IsOptional(),
    IsEnum(SteeringLevel, { each: true }),
  );

export const RoleFilterField = () =>
  applyDecorators(
    Field(() => [RespondentRole], { nullable: true, description: 'With any of these respondent roles (who spoke).' }),
    IsOptional(),
    IsEnum(RespondentRole, { each: true }),
  );
